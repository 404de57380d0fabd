namespace LspCapacity.Web.Domain.Programme;

/// <summary>A region's capacity-building programme (e.g. the West Midlands 2006–07 programme).</summary>
public class Programme
{
    private readonly List<ProgrammeObjective> _objectives = [];

    private Programme() { }

    public Programme(int regionId, string name, string aim, DateOnly startsOn, DateOnly endsOn, decimal budget)
    {
        RegionId = regionId;
        Name = Guard.Required(name, nameof(name));
        Aim = Guard.Required(aim, nameof(aim));
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
        text = Guard.Required(text, "Objective");
        if (_objectives.Any(o => o.Text == text))
        {
            return;
        }
        _objectives.Add(new ProgrammeObjective(_objectives.Count + 1, text));
    }

    public bool IsRunningOn(DateOnly day) => day >= StartsOn && day <= EndsOn;
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
