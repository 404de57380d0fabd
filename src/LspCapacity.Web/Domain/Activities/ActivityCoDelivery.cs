namespace LspCapacity.Web.Domain.Activities;

/// <summary>What a partnership does in an activity it helps to deliver.</summary>
public enum ContributorRole
{
    /// <summary>Hosts a study visit at home.</summary>
    Host = 1,

    /// <summary>Plans and runs the activity with the programme team.</summary>
    CoDeliverer = 2,

    /// <summary>Speaks or presents (a named person of the partnership).</summary>
    Presenter = 3,
}

/// <summary>
/// Everything about a contributor the activity's rules look at, as plain values: the partnership and its
/// region, and the person named (if one is) with the partnership they belong to.
/// </summary>
public sealed record ContributorDetails(
    int PartnershipId,
    int PartnershipRegionId,
    ContributorRole Role,
    string? PersonId,
    int? PersonPartnershipId,
    string? PresenterName,
    string? Contribution);

/// <summary>A partnership (and perhaps one of its people) that co-delivers, hosts or presents at an activity.</summary>
public class ActivityContributor
{
    public const int ContributionMaxLength = 300;
    public const int PresenterNameMaxLength = 100;

    private ActivityContributor() { }

    internal ActivityContributor(ContributorDetails d, DateTime now)
    {
        PartnershipId = d.PartnershipId;
        Role = d.Role;
        PersonId = Guard.Optional(d.PersonId);
        PresenterName = PersonId is null ? Guard.Optional(d.PresenterName) : null;
        Contribution = Guard.Required(d.Contribution, "What they contribute");
        AddedAt = now;
    }

    public int Id { get; private set; }
    public int ActivityId { get; private set; }
    public int PartnershipId { get; private set; }
    public ContributorRole Role { get; private set; }

    /// <summary>A person of the partnership with an account here, or null.</summary>
    public string? PersonId { get; private set; }

    /// <summary>A presenter without an account here, by name; null when <see cref="PersonId"/> names them.</summary>
    public string? PresenterName { get; private set; }
    public string Contribution { get; private set; } = "";
    public DateTime AddedAt { get; private set; }
}

/// <summary>A national showcase's cap on the confirmed places of people whose home region is this region.</summary>
public class ActivityRegionCap
{
    private ActivityRegionCap() { }

    internal ActivityRegionCap(int regionId, int cap)
    {
        RegionId = regionId;
        Cap = cap;
    }

    public int ActivityId { get; private set; }
    public int RegionId { get; private set; }
    public int Cap { get; private set; }

    internal void Change(int cap) => Cap = cap;
}

/// <summary>
/// Co-delivery and national showcases: the partnerships and presenters who deliver an activity with the
/// programme team, and a showcase opened to every region with optional per-region caps. Kept in its own
/// part of the class so the booking rules above read as before; <see cref="WhyNoPlaceFor(int?, int?)"/> asks
/// <see cref="RegionCapFor"/>.
/// </summary>
public partial class Activity
{
    private readonly List<ActivityContributor> _contributors = [];
    private readonly List<ActivityRegionCap> _regionCaps = [];

    /// <summary>A showcase listed and bookable in every region; its organising region still runs it.</summary>
    public bool IsNational { get; private set; }

    public IReadOnlyList<ActivityContributor> Contributors => _contributors;
    public IReadOnlyList<ActivityRegionCap> RegionCaps => _regionCaps;

    /// <summary>The cap on places for people of this region, when the activity is national and caps them.</summary>
    public int? RegionCapFor(int? regionId) =>
        IsNational && regionId is not null ? _regionCaps.FirstOrDefault(c => c.RegionId == regionId)?.Cap : null;

    /// <summary>Names a partnership (and perhaps a presenter) that delivers the activity with the programme team.</summary>
    public ActivityContributor AddContributor(ContributorDetails d, DateTime now)
    {
        if (Status == ActivityStatus.Cancelled)
        {
            throw new DomainException("A cancelled activity cannot be changed.");
        }
        if (!Enum.IsDefined(d.Role))
        {
            throw new DomainException("Choose what the partnership does.");
        }
        if (d.PartnershipRegionId != RegionId && !IsNational)
        {
            throw new DomainException("Choose a partnership of this activity's region.");
        }
        if (d.Role == ContributorRole.Host && Kind != ActivityKind.StudyVisit)
        {
            throw new DomainException("Only a study visit has a host partnership: choose co-deliverer or presenter.");
        }
        var personId = Guard.Optional(d.PersonId);
        var presenter = Guard.Optional(d.PresenterName);
        if (personId is not null && d.PersonPartnershipId != d.PartnershipId)
        {
            throw new DomainException("The person must be one of that partnership's staff.");
        }
        if (personId is not null && presenter is not null)
        {
            throw new DomainException("Choose a person or type a presenter's name, not both.");
        }
        if (d.Role == ContributorRole.Presenter && personId is null && presenter is null)
        {
            throw new DomainException("Choose the presenter or type their name.");
        }
        if (presenter is { Length: > ActivityContributor.PresenterNameMaxLength })
        {
            throw new DomainException($"The presenter's name must be {ActivityContributor.PresenterNameMaxLength} characters or fewer.");
        }
        if (d.Contribution?.Trim() is { Length: > ActivityContributor.ContributionMaxLength })
        {
            throw new DomainException($"What they contribute must be {ActivityContributor.ContributionMaxLength} characters or fewer.");
        }
        // A partnership co-delivers (or hosts) once; a presenter is one person, named once.
        if (_contributors.Any(c => c.PartnershipId == d.PartnershipId && c.Role == d.Role && (d.Role != ContributorRole.Presenter
                || c.PersonId == personId && string.Equals(c.PresenterName, presenter, StringComparison.OrdinalIgnoreCase))))
        {
            throw new DomainException(d.Role == ContributorRole.Presenter
                ? "That presenter is already named for this activity."
                : "That partnership is already named in that role for this activity.");
        }
        var contributor = new ActivityContributor(d with { PersonId = personId, PresenterName = presenter }, now);
        _contributors.Add(contributor);
        return contributor;
    }

    public void RemoveContributor(int contributorId)
    {
        var contributor = _contributors.FirstOrDefault(c => c.Id == contributorId)
                          ?? throw new DomainException("That contributor is no longer named for this activity.");
        _contributors.Remove(contributor);
    }

    /// <summary>
    /// Marks a showcase national (or back to its region only) and sets the per-region caps. A raised cap
    /// frees places, which the waiting list fills at once; the promotions are returned. Needs every live
    /// booking loaded.
    /// </summary>
    public IReadOnlyList<BookingChange> SetNational(bool national, IEnumerable<(int RegionId, int Cap)> caps, DateTime now)
    {
        if (Status is ActivityStatus.Cancelled or ActivityStatus.Completed)
        {
            throw new DomainException($"A {Status.ToString().ToLowerInvariant()} activity cannot be changed.");
        }
        var wanted = national ? caps.ToList() : [];
        if (national && Kind != ActivityKind.Showcase)
        {
            throw new DomainException("Only a best-practice showcase can be national.");
        }
        if (!national && _bookings.Any(b => b.IsLive && b.RegionId is { } r && r != RegionId))
        {
            throw new DomainException("People of other regions have places or are waiting: it must stay national until their bookings are cancelled.");
        }
        if (wanted.GroupBy(c => c.RegionId).Any(g => g.Count() > 1))
        {
            throw new DomainException("Give each region one cap.");
        }
        foreach (var (regionId, cap) in wanted)
        {
            if (cap < 1 || cap > Capacity)
            {
                throw new DomainException($"A region's cap must be between 1 and the capacity ({Capacity}).");
            }
            var confirmed = _bookings.Count(b => b.RegionId == regionId && b.Status == BookingStatus.Confirmed);
            if (cap < confirmed)
            {
                throw new DomainException($"A region's cap cannot be less than the {confirmed} places its people already have.");
            }
        }
        IsNational = national;
        _regionCaps.RemoveAll(c => wanted.All(w => w.RegionId != c.RegionId));
        foreach (var (regionId, cap) in wanted)
        {
            if (_regionCaps.FirstOrDefault(c => c.RegionId == regionId) is { } existing)
            {
                existing.Change(cap);
            }
            else
            {
                _regionCaps.Add(new ActivityRegionCap(regionId, cap));
            }
        }
        return FillFromWaitingList(now);
    }

    /// <summary>A national activity stays a showcase: <see cref="Update"/> asks before it changes the kind.</summary>
    private void EnsureNationalStaysShowcase(ActivityKind kind)
    {
        if (IsNational && kind != ActivityKind.Showcase)
        {
            throw new DomainException("A national showcase must stay a showcase: make it regional first.");
        }
    }
}
