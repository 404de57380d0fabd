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

/// <summary>What an offer says, as the form gives it: checked by <see cref="Offer.Describe"/>.</summary>
/// <param name="DayRate">Pounds per day; null (or 0) when the offer is free.</param>
/// <param name="DaysAvailable">Days it can give in the programme year.</param>
/// <param name="RegionIds">The regions (areas) it covers.</param>
/// <param name="ReleaseTerms">A secondee offer: how the home organisation releases the secondee.</param>
public sealed record OfferDetails(OfferKind Kind, string Title, string? Description, decimal? DayRate, int DaysAvailable,
    IReadOnlyCollection<int> ThemeIds, IReadOnlyCollection<int> RegionIds, string? ReleaseTerms);

/// <summary>
/// Support an organisation offers the programme: its kind, themes, day rate (none: free), the days it
/// can give in the programme year and the regions it covers. A secondee offer names the secondee's
/// home organisation (a partner organisation of LSPs) and its release terms.
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

    public const int TitleLength = 200;
    public const int DescriptionLength = 4000;
    public const int ReleaseTermsLength = 2000;

    /// <summary>The most days one offer can give in a programme year: a full-time secondee.</summary>
    public const int MaxDays = 366;

    /// <summary>A new offer of <paramref name="organisation"/> (an active one) for the programme year.</summary>
    /// <param name="secondeeHome">A secondee offer: the organisation that releases the secondee (may be <paramref name="organisation"/>).</param>
    public static Offer Create(Organisation organisation, int programmeId, OfferDetails details, Organisation? secondeeHome, DateTime now)
    {
        if (!organisation.IsActive)
        {
            throw new DomainException($"{organisation.Name} is inactive: it makes no new offers.");
        }
        var offer = new Offer(organisation.Id, programmeId, details.Kind, details.Title, now);
        offer.Describe(details, secondeeHome, now);
        return offer;
    }

    /// <summary>
    /// Sets what the offer says. A day rate is zero or more (none or zero: free); at least one day; at least
    /// one theme and one region; a secondee offer names a partner organisation as the secondee's home and the
    /// release terms (other kinds have neither).
    /// </summary>
    public void Describe(OfferDetails details, Organisation? secondeeHome, DateTime now)
    {
        if (IsWithdrawn)
        {
            throw new DomainException("This offer has been withdrawn: it can no longer be changed.");
        }
        if (!Enum.IsDefined(details.Kind))
        {
            throw new DomainException("Select the kind of offer.");
        }
        var title = Guard.Required(details.Title, "The offer's title");
        if (title.Length > TitleLength)
        {
            throw new DomainException($"The title must be {TitleLength} characters or fewer.");
        }
        var description = Guard.Optional(details.Description) ?? "";
        if (description.Length > DescriptionLength)
        {
            throw new DomainException($"The description must be {DescriptionLength} characters or fewer.");
        }
        if (details.DayRate is < 0)
        {
            throw new DomainException("The day rate must be £0 or more (leave it empty for a free offer).");
        }
        if (details.DayRate is > 100_000)
        {
            throw new DomainException("The day rate must be £100,000 or less.");
        }
        if (details.DaysAvailable <= 0)
        {
            throw new DomainException("The days available must be at least 1.");
        }
        if (details.DaysAvailable > MaxDays)
        {
            throw new DomainException($"The days available must be {MaxDays} or fewer in a programme year.");
        }
        if (details.ThemeIds.Count == 0)
        {
            throw new DomainException("Select at least one theme.");
        }
        if (details.RegionIds.Count == 0)
        {
            throw new DomainException("Select at least one region the offer covers.");
        }
        int? homeId = null;
        string? releaseTerms = null;
        if (details.Kind == OfferKind.Secondee)
        {
            if (secondeeHome is null)
            {
                throw new DomainException("Select the secondee's home organisation.");
            }
            if (!secondeeHome.IsPartnerOrganisation)
            {
                throw new DomainException("The secondee's home organisation must be a partner organisation (a council, primary care trust, police, fire and rescue service or voluntary sector body).");
            }
            releaseTerms = Guard.Optional(details.ReleaseTerms)
                ?? throw new DomainException("Enter the release terms: how and for how long the home organisation releases the secondee.");
            if (releaseTerms.Length > ReleaseTermsLength)
            {
                throw new DomainException($"The release terms must be {ReleaseTermsLength} characters or fewer.");
            }
            homeId = secondeeHome.Id;
        }
        Kind = details.Kind;
        Title = title;
        Description = description;
        DayRate = details.DayRate is 0 ? null : details.DayRate;
        DaysAvailable = details.DaysAvailable;
        SecondeeHomeOrganisationId = homeId;
        ReleaseTerms = releaseTerms;
        var themes = details.ThemeIds.Distinct().ToList();
        _themes.RemoveAll(t => !themes.Contains(t.ThemeId));
        foreach (var themeId in themes.Where(id => _themes.All(t => t.ThemeId != id)))
        {
            _themes.Add(new OfferTheme(themeId));
        }
        var regions = details.RegionIds.Distinct().ToList();
        _regions.RemoveAll(r => !regions.Contains(r.RegionId));
        foreach (var regionId in regions.Where(id => _regions.All(r => r.RegionId != id)))
        {
            _regions.Add(new OfferRegion(regionId));
        }
        UpdatedAt = now;
    }

    /// <summary>Moves the offer to another programme year (the caller checks that it exists).</summary>
    public void OfferFor(int programmeId)
    {
        if (IsWithdrawn)
        {
            throw new DomainException("This offer has been withdrawn: it can no longer be changed.");
        }
        ProgrammeId = programmeId;
    }

    /// <summary>Takes the offer off the register: brokers no longer shortlist it; work already placed stands.</summary>
    public void Withdraw(DateTime now)
    {
        if (IsWithdrawn)
        {
            throw new DomainException("This offer has already been withdrawn.");
        }
        IsWithdrawn = true;
        UpdatedAt = now;
    }
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
