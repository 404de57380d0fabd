namespace LspCapacity.Web.Domain.Brokerage;

public enum OfferKind
{
    Facilitation = 1,
    Consultancy = 2,
    Training = 3,
    Coaching = 4,
    Secondee = 5,
    ExpertPeer = 6,
}

/// <summary>
/// Support an organisation offers the programme: its kind, themes, day rate (none: free), the days it
/// can give in the programme year and the regions it covers. A secondee offer names the secondee's
/// home organisation and its release terms. (Shared skeleton: the register work adds behaviour.)
/// </summary>
public class Offer
{
    private readonly List<OfferTheme> _themes = [];
    private readonly List<OfferRegion> _regions = [];

    private Offer() { }

    public Offer(int organisationId, int programmeId, OfferKind kind, string title, DateTime now)
    {
        OrganisationId = organisationId;
        ProgrammeId = programmeId;
        Kind = kind;
        Title = Guard.Required(title, "Title");
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }

    /// <summary>The programme year the days are offered for.</summary>
    public int ProgrammeId { get; private set; }
    public OfferKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";

    /// <summary>Pounds per day; null when the offer is free.</summary>
    public decimal? DayRate { get; private set; }
    public int DaysAvailable { get; private set; }

    /// <summary>A secondee offer: the organisation that releases the secondee (often the offering one).</summary>
    public int? SecondeeHomeOrganisationId { get; private set; }
    public string? ReleaseTerms { get; private set; }
    public bool IsWithdrawn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<OfferTheme> Themes => _themes;
    public IReadOnlyList<OfferRegion> Regions => _regions;
    public bool IsFree => DayRate is null or 0;

    #region Brokerage requests: minimal set-up for demo data and tests (the register work brings the real editing methods)

    /// <summary>Sets the terms a shortlist weighs: day rate (null: free), days available, themes and regions covered.</summary>
    public void SetBrokerageTerms(decimal? dayRate, int daysAvailable, IEnumerable<int> themeIds, IEnumerable<int> regionIds, DateTime now)
    {
        if (dayRate < 0)
        {
            throw new DomainException("The day rate cannot be negative.");
        }
        if (daysAvailable < 0)
        {
            throw new DomainException("The days available cannot be negative.");
        }
        DayRate = dayRate;
        DaysAvailable = daysAvailable;
        _themes.Clear();
        _themes.AddRange(themeIds.Distinct().Select(id => new OfferTheme(id)));
        _regions.Clear();
        _regions.AddRange(regionIds.Distinct().Select(id => new OfferRegion(id)));
        UpdatedAt = now;
    }

    #endregion
}

public class OfferTheme
{
    private OfferTheme() { }

    internal OfferTheme(int themeId) => ThemeId = themeId;

    public int OfferId { get; private set; }
    public int ThemeId { get; private set; }
}

/// <summary>A region the offer covers.</summary>
public class OfferRegion
{
    private OfferRegion() { }

    internal OfferRegion(int regionId) => RegionId = regionId;

    public int OfferId { get; private set; }
    public int RegionId { get; private set; }
}
