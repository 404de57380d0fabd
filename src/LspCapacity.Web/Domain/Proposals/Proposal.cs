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

    #region Proposing, editing and endorsing (the proposals work)

    public const int MaxThemes = 6;
    public const decimal MaxRoughCost = 10_000_000m;

    /// <summary>The board has made its final decision: approved, merged or declined. A deferred proposal is not decided.</summary>
    public bool IsDecided => Status is ProposalStatus.Approved or ProposalStatus.Merged or ProposalStatus.Declined;

    public bool IsProposer(string personId) => personId == ProposedById;

    /// <summary>Sets what is proposed; refused once the board has decided it.</summary>
    public void Describe(string title, ProposalKind kind, IEnumerable<int> themeIds, string need, string whoWouldCome, HostOffer hostOffer,
        decimal? roughCost, DateTime now)
    {
        EnsureUndecided();
        var cleanTitle = Guard.Required(title, "The title");
        if (cleanTitle.Length > 200)
        {
            throw new DomainException("The title must be 200 characters or fewer.");
        }
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose the kind of support.");
        }
        var themes = themeIds.Distinct().ToList();
        if (themes.Count == 0)
        {
            throw new DomainException("Choose at least one theme.");
        }
        if (themes.Count > MaxThemes)
        {
            throw new DomainException($"Choose up to {MaxThemes} themes.");
        }
        var cleanNeed = Guard.Required(need, "The need it answers");
        if (cleanNeed.Length > 4000)
        {
            throw new DomainException("The need must be 4,000 characters or fewer.");
        }
        var cleanWho = Guard.Required(whoWouldCome, "Who would come");
        if (cleanWho.Length > 2000)
        {
            throw new DomainException("Who would come must be 2,000 characters or fewer.");
        }
        if (!Enum.IsDefined(hostOffer))
        {
            throw new DomainException("Say whether your partnership offers to host or co-deliver.");
        }
        if (roughCost is < 0)
        {
            throw new DomainException("The rough cost cannot be below zero.");
        }
        if (roughCost > MaxRoughCost)
        {
            throw new DomainException("The rough cost is more than the programme could spend.");
        }
        Title = cleanTitle;
        Kind = kind;
        Need = cleanNeed;
        WhoWouldCome = cleanWho;
        HostOffer = hostOffer;
        RoughCost = roughCost is { } cost ? decimal.Round(cost, 2) : null;
        _themes.RemoveAll(t => !themes.Contains(t.ThemeId));
        _themes.AddRange(themes.Where(id => _themes.All(t => t.ThemeId != id)).Select(id => new ProposalTheme(id)));
        UpdatedAt = now;
    }

    /// <summary>
    /// A person of another partnership of the region endorses the proposal for their partnership, or changes what
    /// they said (<paramref name="mine"/>, their earlier endorsement). Returns the endorsement to add, or
    /// <paramref name="mine"/> changed. The proposer's own partnership cannot endorse: the proposal is already theirs.
    /// </summary>
    public ProposalEndorsement Endorse(ProposalEndorsement? mine, string personId, int? partnershipId, int? regionId, EndorsementKinds kinds,
        string? comment, DateTime now)
    {
        EnsureUndecided("endorsed");
        if (partnershipId is not { } partnership)
        {
            throw new DomainException("Only staff of a partnership can endorse a proposal.");
        }
        if (regionId != RegionId)
        {
            throw new DomainException("Only partnerships of the proposal's region can endorse it.");
        }
        if (partnership == PartnershipId || IsProposer(personId))
        {
            throw new DomainException("Your partnership proposed this: it is already yours, so it cannot endorse it.");
        }
        if (kinds == EndorsementKinds.None || (kinds & ~ProposalEndorsement.EveryKind) != 0)
        {
            throw new DomainException("Say at least one thing: you need it too, you would come, or you can co-deliver.");
        }
        var cleanComment = Guard.Optional(comment);
        if (cleanComment?.Length > 2000)
        {
            throw new DomainException("The comment must be 2,000 characters or fewer.");
        }
        if (mine is null)
        {
            return new ProposalEndorsement(Id, partnership, personId, kinds, cleanComment, now);
        }
        if (mine.ProposalId != Id || mine.UserId != personId)
        {
            throw new DomainException("That is not your endorsement.");
        }
        mine.Change(partnership, kinds, cleanComment);
        return mine;
    }

    /// <summary>A person takes back their endorsement, while the proposal is undecided.</summary>
    public void WithdrawEndorsement(ProposalEndorsement mine, string personId)
    {
        EnsureUndecided("endorsed");
        if (mine.ProposalId != Id || mine.UserId != personId)
        {
            throw new DomainException("That is not your endorsement.");
        }
    }

    /// <summary>How many partnerships endorse: a partnership counts once however many of its staff endorse.</summary>
    public static int PartnershipsEndorsing(IEnumerable<ProposalEndorsement> endorsements) =>
        endorsements.Select(e => e.PartnershipId).Distinct().Count();

    private void EnsureUndecided(string what = "changed")
    {
        if (IsDecided)
        {
            throw new DomainException($"The programme board has decided this proposal: it can no longer be {what}.");
        }
    }

    #endregion

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

    /// <summary>Every kind of support an endorsement can offer.</summary>
    public const EndorsementKinds EveryKind = EndorsementKinds.NeedThisToo | EndorsementKinds.WouldCome | EndorsementKinds.CanCoDeliver;

    /// <summary>The person changes what they said (through <see cref="Proposal.Endorse"/>, which checks the rules).</summary>
    internal void Change(int partnershipId, EndorsementKinds kinds, string? comment)
    {
        PartnershipId = partnershipId;
        Kinds = kinds;
        Comment = comment;
    }
}
