namespace LspCapacity.Web.Domain.Placements;

/// <summary>Someone who offers support: their expertise, the kinds they offer and how many pairings they can take.</summary>
public class MentorProfile
{
    private MentorProfile() { }

    public MentorProfile(string personId, int regionId)
    {
        PersonId = personId;
        RegionId = regionId;
        Capacity = 1;
    }

    public int Id { get; private set; }
    public string PersonId { get; private set; } = "";
    public int RegionId { get; private set; }
    public string? Organisation { get; private set; }
    public string? Biography { get; private set; }
    public int Capacity { get; private set; }
    public List<PlacementKind> Kinds { get; private set; } = [];
    public List<int> ThemeIds { get; private set; } = [];
    public bool IsAvailable { get; private set; } = true;

    /// <summary>
    /// Saves the profile. Capacity cannot go below the <paramref name="pairingsInUse"/> (active pairings,
    /// started or planned): to take no new pairings, a mentor says they are not available instead.
    /// </summary>
    public void Update(string? organisation, string? biography, int capacity, int pairingsInUse, IEnumerable<PlacementKind> kinds,
        IEnumerable<int> themeIds, bool available)
    {
        if (capacity is < 0 or > 20)
        {
            throw new DomainException("Capacity must be between 0 and 20 pairings.");
        }
        if (capacity < pairingsInUse)
        {
            throw new DomainException(
                $"You have {pairingsInUse} pairing{(pairingsInUse == 1 ? "" : "s")} in use, so your capacity cannot be less than {pairingsInUse}. "
                + "To take no new pairings, untick \"I am taking new pairings\".");
        }
        var kindList = kinds.Distinct().ToList();
        if (kindList.Count == 0 || kindList.Any(k => !Enum.IsDefined(k)))
        {
            throw new DomainException("Choose at least one kind of support you offer.");
        }
        var themes = themeIds.Distinct().ToList();
        if (themes.Count == 0)
        {
            throw new DomainException("Choose at least one theme of expertise.");
        }
        Organisation = Guard.Optional(organisation);
        Biography = Guard.Optional(biography);
        Capacity = capacity;
        Kinds = kindList;
        ThemeIds = themes;
        IsAvailable = available;
    }

    /// <summary>The person was erased: what they wrote about themselves goes, and they take no new pairings.</summary>
    public void ForgetPerson()
    {
        Organisation = null;
        Biography = null;
        IsAvailable = false;
    }
}

public enum RequestStatus
{
    Open = 1,
    Matched = 2,
    Withdrawn = 3,
}

/// <summary>LSP staff asking for mentoring, coaching, shadowing or a secondment.</summary>
public class SupportRequest
{
    private SupportRequest() { }

    public SupportRequest(int regionId, int partnershipId, string requesterId, PlacementKind kind, IEnumerable<int> themeIds,
        string goals, string? preferredDates, DateTime now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose the kind of support.");
        }
        ThemeIds = themeIds.Distinct().ToList();
        if (ThemeIds.Count == 0)
        {
            throw new DomainException("Choose at least one theme.");
        }
        RegionId = regionId;
        PartnershipId = partnershipId;
        RequesterId = requesterId;
        Kind = kind;
        Goals = Guard.Required(goals, "Goals");
        PreferredDates = Guard.Optional(preferredDates);
        Status = RequestStatus.Open;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public int PartnershipId { get; private set; }
    public string RequesterId { get; private set; } = "";
    public PlacementKind Kind { get; private set; }
    public List<int> ThemeIds { get; private set; } = [];
    public string Goals { get; private set; } = "";
    public string? PreferredDates { get; private set; }
    public RequestStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int? PlacementId { get; private set; }

    /// <summary>When, and by whom, the request was matched or withdrawn (empty while open, and for requests closed before this was kept).</summary>
    public DateTime? StatusChangedAt { get; private set; }
    public string? StatusChangedById { get; private set; }

    public void MarkMatched(int placementId, string byId, DateTime now)
    {
        if (Status != RequestStatus.Open)
        {
            throw new DomainException("This request has already been dealt with.");
        }
        Status = RequestStatus.Matched;
        PlacementId = placementId;
        StatusChangedAt = now;
        StatusChangedById = byId;
    }

    /// <summary>The person who asked, or a coordinator, withdraws a request nobody has been matched to yet.</summary>
    public void Withdraw(string byId, DateTime now)
    {
        if (Status == RequestStatus.Matched)
        {
            throw new DomainException("This request has been matched already: to stop, end the placement instead.");
        }
        if (Status != RequestStatus.Open)
        {
            throw new DomainException("This request has already been withdrawn.");
        }
        Status = RequestStatus.Withdrawn;
        StatusChangedAt = now;
        StatusChangedById = byId;
    }
}

/// <summary>A mentor as matching sees them.</summary>
public sealed record MentorCandidate(string PersonId, string Name, int? PartnershipId, int Capacity, int ActivePlacements,
    IReadOnlyCollection<PlacementKind> Kinds, IReadOnlyCollection<int> ThemeIds, bool IsAvailable);

/// <summary>A suggested mentor, with the reasons shown to the coordinator.</summary>
public sealed record MentorMatch(MentorCandidate Mentor, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Ranks mentors for a request: two points for each requested theme they know, one for each theme the
/// partnership has a high need in, one for spare capacity beyond the next pairing. Never someone from the
/// requester's partnership, at capacity, unavailable, or not offering the kind of support asked for.
/// </summary>
public static class Matching
{
    public static IReadOnlyList<MentorMatch> Rank(SupportRequest request, IEnumerable<MentorCandidate> candidates,
        IReadOnlyCollection<int> partnershipHighNeedThemes, IReadOnlyDictionary<int, string> themeNames)
    {
        var matches = new List<MentorMatch>();
        foreach (var mentor in candidates)
        {
            if (mentor.PersonId == request.RequesterId || mentor.PartnershipId == request.PartnershipId
                || !mentor.IsAvailable || mentor.ActivePlacements >= mentor.Capacity || !mentor.Kinds.Contains(request.Kind))
            {
                continue;
            }
            var requested = request.ThemeIds.Intersect(mentor.ThemeIds).ToList();
            var needs = partnershipHighNeedThemes.Intersect(mentor.ThemeIds).ToList();
            var spare = mentor.Capacity - mentor.ActivePlacements;
            var reasons = new List<string>();
            if (requested.Count > 0)
            {
                reasons.Add($"Knows {string.Join(", ", requested.Select(t => themeNames.GetValueOrDefault(t, "?")))}, as requested");
            }
            if (needs.Count > 0)
            {
                reasons.Add($"Covers the partnership's high needs in {string.Join(", ", needs.Select(t => themeNames.GetValueOrDefault(t, "?")))}");
            }
            reasons.Add($"{spare} of {mentor.Capacity} places free");
            matches.Add(new MentorMatch(mentor, 2 * requested.Count + needs.Count + (spare > 1 ? 1 : 0), reasons));
        }
        return matches.OrderByDescending(m => m.Score).ThenBy(m => m.Mentor.ActivePlacements).ThenBy(m => m.Mentor.Name, StringComparer.Ordinal).ToList();
    }
}
