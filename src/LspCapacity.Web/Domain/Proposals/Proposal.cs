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
