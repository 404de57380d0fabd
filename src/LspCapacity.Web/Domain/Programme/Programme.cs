namespace LspCapacity.Web.Domain.Programme;

/// <summary>
/// A region's capacity-building programme for one year (e.g. the West Midlands 2006–07 programme): its aim,
/// dates, budget and objectives, the themes it works on and the partnerships taking part. Closed at the end of
/// its year, it is read-only: nothing new is added to it, and its end-of-programme report stays as it was.
/// </summary>
public class Programme
{
    private readonly List<ProgrammeObjective> _objectives = [];

    private Programme() { }

    public Programme(int regionId, string name, string aim, DateOnly startsOn, DateOnly endsOn, decimal budget)
    {
        RegionId = regionId;
        Name = Guard.Required(name, "Name");
        Aim = Guard.Required(aim, "Aim");
        SetDates(startsOn, endsOn);
        SetBudget(budget);
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public Region? Region { get; private set; }
    public string Name { get; private set; } = "";
    public string Aim { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public decimal Budget { get; private set; }

    /// <summary>
    /// What brokered work costs the budget: committed cost until delivered, the actual cost after
    /// (<see cref="Brokerage.Commitment.Cost"/> summed). Kept on the programme's row, a concurrency token,
    /// so two acceptances saved at once cannot both pass the budget check.
    /// </summary>
    public decimal BrokeredTotal { get; private set; }
    public IReadOnlyList<ProgrammeObjective> Objectives => _objectives;

    /// <summary>How the support budget is divided into fair shares between the region's partnerships (issue 20).</summary>
    public Brokerage.FairShareRule FairShares { get; private set; } = Brokerage.FairShareRule.Default;
    /// <summary>The themes the programme works on (ids of <see cref="Theme"/>).</summary>
    public List<int> ThemeIds { get; private set; } = [];

    /// <summary>The partnerships taking part (ids of <see cref="Partnership"/>).</summary>
    public List<int> PartnershipIds { get; private set; } = [];

    /// <summary>
    /// The survey offered as this programme's needs baseline: for a programme started from the one before,
    /// that programme's last follow-up round, so the distance travelled carries on from where it ended.
    /// </summary>
    public int? BaselineSurveyId { get; private set; }

    /// <summary>When it was closed (UTC); a closed programme is read-only.</summary>
    public DateTime? ClosedAt { get; private set; }
    public bool IsClosed => ClosedAt is not null;

    public void Update(string name, string aim, DateOnly startsOn, DateOnly endsOn, decimal budget)
    {
        EnsureOpen();
        Name = Guard.Required(name, "Name");
        Aim = Guard.Required(aim, "Aim");
        SetDates(startsOn, endsOn);
        SetBudget(budget);
    }

    public void SetDates(DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
        {
            throw new DomainException("The programme must end on or after the day it starts.");
        }
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public void SetBudget(decimal budget)
    {
        if (budget < 0)
        {
            throw new DomainException("The budget cannot be negative.");
        }
        Budget = budget;
    }

    /// <summary>
    /// Commits brokered work costing <paramref name="cost"/>: refused when it, the brokered work already
    /// committed or spent and the activities' costs (<paramref name="activityCosts"/>) would pass the budget.
    /// </summary>
    public void CommitBrokered(decimal cost, decimal activityCosts)
    {
        if (cost < 0)
        {
            throw new DomainException("The cost cannot be negative.");
        }
        var remaining = Budget - BrokeredTotal - activityCosts;
        if (cost > remaining)
        {
            throw new DomainException(
                $"The programme cannot afford this work: it costs £{cost:#,0.##} and £{Math.Max(0, remaining):#,0.##} of the £{Budget:#,0.##} budget is left.");
        }
        BrokeredTotal += cost;
    }

    /// <summary>Brokered work delivered at a different cost, or cancelled: the brokered total moves by <paramref name="change"/>.</summary>
    public void AdjustBrokered(decimal change) => BrokeredTotal = Math.Max(0, BrokeredTotal + change);

    public void AddObjective(string text)
    {
        EnsureOpen();
        text = Guard.Required(text, "Objective");
        if (_objectives.Any(o => o.Text == text))
        {
            return;
        }
        _objectives.Add(new ProgrammeObjective(_objectives.Count + 1, text));
    }

    /// <summary>Replaces the objectives with <paramref name="texts"/> (blank lines left out), in that order.</summary>
    public void SetObjectives(IEnumerable<string> texts)
    {
        EnsureOpen();
        var wanted = texts.Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct().ToList();
        _objectives.Clear();
        foreach (var text in wanted)
        {
            _objectives.Add(new ProgrammeObjective(_objectives.Count + 1, text));
        }
    }

    public void SetThemes(IEnumerable<int> themeIds)
    {
        EnsureOpen();
        ThemeIds = themeIds.Distinct().Order().ToList();
    }

    public void SetPartnerships(IEnumerable<int> partnershipIds)
    {
        EnsureOpen();
        PartnershipIds = partnershipIds.Distinct().Order().ToList();
    }

    public void OfferBaseline(int? surveyId)
    {
        EnsureOpen();
        BaselineSurveyId = surveyId;
    }

    public void Close(DateTime now)
    {
        if (IsClosed)
        {
            throw new DomainException($"{Name} is already closed.");
        }
        ClosedAt = now;
    }

    /// <summary>Refuses a change that belongs to a closed programme, with words that say what to do instead.</summary>
    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainException($"{Name} is closed, so it cannot be changed and nothing new can be added to it. Start next year's programme first.");
        }
    }

    public bool IsRunningOn(DateOnly day) => day >= StartsOn && day <= EndsOn;

    #region Fair shares

    public void SetFairShareRule(Brokerage.FairShareRule rule) => FairShares = rule;

    #endregion
    /// <summary>
    /// Next year's programme, started from this one: the same aim, budget, objectives and themes, the same
    /// dates a year on, the partnerships still taking part (<paramref name="partnershipIds"/>: the caller
    /// leaves out those since deactivated and puts a merged one's survivor in its place), and
    /// <paramref name="lastFollowUpSurveyId"/> offered as the new baseline.
    /// </summary>
    public Programme StartNext(string name, IEnumerable<int> themeIds, IEnumerable<int> partnershipIds, int? lastFollowUpSurveyId)
    {
        var next = new Programme(RegionId, name, Aim, StartsOn.AddYears(1), EndsOn.AddYears(1), Budget);
        next.SetObjectives(_objectives.OrderBy(o => o.Position).Select(o => o.Text));
        next.SetThemes(themeIds);
        next.SetPartnerships(partnershipIds);
        next.OfferBaseline(lastFollowUpSurveyId);
        return next;
    }

    /// <summary>"2006–07" → "2007–08" in a name; otherwise the name with "(next year)".</summary>
    public static string NextName(string name, DateOnly startsOn)
    {
        var from = $"{startsOn.Year}–{(startsOn.Year + 1) % 100:00}";
        var to = $"{startsOn.Year + 1}–{(startsOn.Year + 2) % 100:00}";
        if (name.Contains(from, StringComparison.Ordinal))
        {
            return name.Replace(from, to, StringComparison.Ordinal);
        }
        var year = startsOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name.Contains(year, StringComparison.Ordinal)
            ? name.Replace(year, (startsOn.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : $"{name} (next year)";
    }
}

public class ProgrammeObjective
{
    private ProgrammeObjective() { }

    internal ProgrammeObjective(int position, string text)
    {
        Position = position;
        Text = text;
    }

    public int Id { get; private set; }
    public int ProgrammeId { get; private set; }
    public int Position { get; private set; }
    public string Text { get; private set; } = "";
}
