namespace LspCapacity.Web.Domain.Proposals;

/// <summary>What kind of support a practitioner proposes.</summary>
public enum ProposalKind
{
    Seminar = 1,
    Workshop = 2,
    StudyVisit = 3,
    Showcase = 4,
    PeerLearningSet = 5,
    BespokeSupport = 6,
}

/// <summary>Where a proposal stands. Every status after <see cref="OnAgenda"/> is a board decision.</summary>
public enum ProposalStatus
{
    /// <summary>Open for endorsement; the proposer may still edit it.</summary>
    Open = 1,

    /// <summary>On a programme board meeting's agenda, waiting for its decision.</summary>
    OnAgenda = 2,
    Approved = 3,

    /// <summary>Folded into another proposal (<see cref="Proposal.MergedIntoId"/>).</summary>
    Merged = 4,

    /// <summary>Put off to a later meeting; may go on another agenda.</summary>
    Deferred = 5,
    Declined = 6,
}

/// <summary>What the proposer's own partnership offers towards the activity.</summary>
public enum HostOffer
{
    None = 0,
    Host = 1,
    CoDeliver = 2,
}

/// <summary>
/// A practitioner's idea for support, put to the region: proposed by LSP staff for their partnership,
/// endorsed by other partnerships, decided by the region's programme board. (Shared skeleton: the
/// proposals and board work each add their own behaviour.)
/// </summary>
public class Proposal
{
    private readonly List<ProposalTheme> _themes = [];

    private Proposal() { }

    public Proposal(int regionId, int programmeId, int partnershipId, string proposedById, DateTime now)
    {
        RegionId = regionId;
        ProgrammeId = programmeId;
        PartnershipId = partnershipId;
        ProposedById = proposedById;
        Status = ProposalStatus.Open;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public int ProgrammeId { get; private set; }

    /// <summary>The proposer's partnership: "proposed by Sandwell".</summary>
    public int PartnershipId { get; private set; }
    public string ProposedById { get; private set; } = "";
    public ProposalKind Kind { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The need it answers, in the proposer's words (the needs-analysis evidence is shown beside it).</summary>
    public string Need { get; private set; } = "";

    /// <summary>Who would come: roles, partnerships, rough numbers.</summary>
    public string WhoWouldCome { get; private set; } = "";
    public HostOffer HostOffer { get; private set; }

    /// <summary>A rough cost in pounds, if the proposer has one.</summary>
    public decimal? RoughCost { get; private set; }
    public ProposalStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the board's final decision (approved, merged, declined) was recorded.</summary>
    public DateTime? DecidedAt { get; private set; }

    /// <summary>The budget the board approved.</summary>
    public decimal? ApprovedBudget { get; private set; }

    /// <summary>The proposal this one was merged into.</summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>The draft activity made from the approved proposal.</summary>
    public int? ActivityId { get; private set; }

    public IReadOnlyList<ProposalTheme> Themes => _themes;

    // --- Programme board (board work) ---------------------------------------------------------------

    /// <summary>
    /// A proposal with its content set at once, for demo data, the data generator and tests (the proposals
    /// pages have their own way in). Open, as if just proposed.
    /// </summary>
    public static Proposal Seed(int regionId, int programmeId, int partnershipId, string proposedById, ProposalKind kind, string title,
        string need, string whoWouldCome, HostOffer hostOffer, decimal? roughCost, IEnumerable<int> themeIds, DateTime now)
    {
        var proposal = new Proposal(regionId, programmeId, partnershipId, proposedById, now)
        {
            Kind = kind,
            Title = Guard.Required(title, "Title"),
            Need = Guard.Required(need, "The need"),
            WhoWouldCome = whoWouldCome.Trim(),
            HostOffer = hostOffer,
            RoughCost = roughCost,
        };
        foreach (var id in themeIds.Distinct())
        {
            proposal._themes.Add(new ProposalTheme(id));
        }
        return proposal;
    }

    /// <summary>The board has not made its final decision: it may still go on an agenda, or be merged into.</summary>
    public bool IsUndecided => Status is ProposalStatus.Open or ProposalStatus.OnAgenda or ProposalStatus.Deferred;

    /// <summary>Puts an open or deferred proposal on a meeting's agenda. Returns the status it had, to restore if taken off.</summary>
    public ProposalStatus PutOnAgenda(DateTime now)
    {
        if (Status is not (ProposalStatus.Open or ProposalStatus.Deferred))
        {
            throw new DomainException(Status == ProposalStatus.OnAgenda
                ? $"“{Title}” is already on a meeting's agenda."
                : $"“{Title}” has been decided ({Status.ToString().ToLowerInvariant()}); only an open or deferred proposal can go on an agenda.");
        }
        var was = Status;
        Status = ProposalStatus.OnAgenda;
        UpdatedAt = now;
        return was;
    }

    /// <summary>Takes it off an agenda before it is decided: back to where it was (open or deferred).</summary>
    public void TakeOffAgenda(ProposalStatus was, DateTime now)
    {
        if (Status != ProposalStatus.OnAgenda)
        {
            throw new DomainException($"“{Title}” is not waiting on an agenda any more.");
        }
        Status = was == ProposalStatus.Deferred ? ProposalStatus.Deferred : ProposalStatus.Open;
        UpdatedAt = now;
    }

    /// <summary>
    /// The board's decision moves the proposal on. Called by <see cref="BoardMeeting.RecordDecision"/>, which
    /// checks it is on that meeting's agenda; the outcome's own rules are checked here.
    /// </summary>
    internal void Decide(DecisionOutcome outcome, decimal? budget, Proposal? mergeInto, DateTime now)
    {
        if (Status != ProposalStatus.OnAgenda)
        {
            throw new DomainException($"“{Title}” is not waiting for a decision.");
        }
        switch (outcome)
        {
            case DecisionOutcome.Approved:
                if (budget is not { } approved)
                {
                    throw new DomainException("Enter the approved budget (0 if it needs none).");
                }
                if (approved < 0)
                {
                    throw new DomainException("The approved budget cannot be below zero.");
                }
                Status = ProposalStatus.Approved;
                ApprovedBudget = approved;
                DecidedAt = now;
                break;
            case DecisionOutcome.Merged:
                if (mergeInto is null)
                {
                    throw new DomainException("Choose the proposal it is merged into.");
                }
                if (mergeInto.Id == Id)
                {
                    throw new DomainException("A proposal cannot be merged into itself.");
                }
                if (mergeInto.RegionId != RegionId)
                {
                    throw new DomainException("A proposal can only be merged into another proposal of its region.");
                }
                if (!mergeInto.IsUndecided)
                {
                    throw new DomainException($"“{mergeInto.Title}” has already been decided ({mergeInto.Status.ToString().ToLowerInvariant()}): choose a proposal not yet decided.");
                }
                Status = ProposalStatus.Merged;
                MergedIntoId = mergeInto.Id;
                DecidedAt = now;
                break;
            case DecisionOutcome.Deferred:
                Status = ProposalStatus.Deferred;
                break;
            case DecisionOutcome.Declined:
                Status = ProposalStatus.Declined;
                DecidedAt = now;
                break;
            default:
                throw new DomainException("Choose the decision.");
        }
        UpdatedAt = now;
    }

    /// <summary>Keeps the link to the draft activity an approved proposal became.</summary>
    public void BecameActivity(int activityId)
    {
        if (Status != ProposalStatus.Approved)
        {
            throw new DomainException("Only an approved proposal becomes an activity.");
        }
        ActivityId = activityId;
    }
}

public class ProposalTheme
{
    private ProposalTheme() { }

    internal ProposalTheme(int themeId) => ThemeId = themeId;

    public int ProposalId { get; private set; }
    public int ThemeId { get; private set; }
}

/// <summary>What an endorsing partnership says about a proposal (any combination).</summary>
[Flags]
public enum EndorsementKinds
{
    None = 0,

    /// <summary>"We need this too."</summary>
    NeedThisToo = 1,

    /// <summary>"We would come."</summary>
    WouldCome = 2,

    /// <summary>"We can co-deliver."</summary>
    CanCoDeliver = 4,
}

/// <summary>
/// One person's endorsement of a proposal for their partnership. Several staff of one partnership may
/// endorse; the partnership counts once. (Shared skeleton: the proposals work adds the rules.)
/// </summary>
public class ProposalEndorsement
{
    private ProposalEndorsement() { }

    public ProposalEndorsement(int proposalId, int partnershipId, string userId, EndorsementKinds kinds, string? comment, DateTime now)
    {
        ProposalId = proposalId;
        PartnershipId = partnershipId;
        UserId = userId;
        Kinds = kinds;
        Comment = Guard.Optional(comment);
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public int PartnershipId { get; private set; }
    public string UserId { get; private set; } = "";
    public EndorsementKinds Kinds { get; private set; }
    public string? Comment { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
