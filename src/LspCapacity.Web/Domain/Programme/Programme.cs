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
    public IReadOnlyList<ProgrammeObjective> Objectives => _objectives;

    /// <summary>How the support budget is divided into fair shares between the region's partnerships (issue 20).</summary>
    public Brokerage.FairShareRule FairShares { get; private set; } = Brokerage.FairShareRule.Default;

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

    #region Fair shares

    public void SetFairShareRule(Brokerage.FairShareRule rule) => FairShares = rule;

    #endregion
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
