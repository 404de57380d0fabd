namespace LspCapacity.Web.Domain.Proposals;

/// <summary>What the programme board decided about a proposal.</summary>
public enum DecisionOutcome
{
    Approved = 1,

    /// <summary>Folded into another proposal of the region.</summary>
    Merged = 2,

    /// <summary>Put off: the proposal may go on a later agenda.</summary>
    Deferred = 3,
    Declined = 4,
}

public enum MeetingStatus
{
    /// <summary>Set up; no decision recorded yet.</summary>
    Scheduled = 1,

    /// <summary>At least one decision has been recorded.</summary>
    Held = 2,
}

/// <summary>
/// A practitioner member of a region's programme board: named LSP staff of the region, appointed by its
/// coordinators (who are members by right and are not listed).
/// </summary>
public class BoardMember
{
    private BoardMember() { }

    /// <summary>Only LSP staff of the region itself may sit on its board.</summary>
    public BoardMember(int regionId, string userId, int? personRegionId, bool personIsLspStaff, string appointedById, DateTime now)
    {
        if (!personIsLspStaff || personRegionId != regionId)
        {
            throw new DomainException("Only LSP staff of the region can be practitioner members of its board.");
        }
        RegionId = regionId;
        UserId = userId;
        AppointedById = appointedById;
        Since = now;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public string UserId { get; private set; } = "";
    public string AppointedById { get; private set; } = "";

    /// <summary>When they joined the board.</summary>
    public DateTime Since { get; private set; }
}

/// <summary>
/// A meeting of a region's programme board: when and where, its papers, the proposals on its agenda and
/// the decisions recorded about them (one per proposal). Its rules: only open or deferred proposals of the
/// region go on the agenda; a decision only for a proposal on this agenda, once.
/// </summary>
public class BoardMeeting
{
    private readonly List<BoardAgendaItem> _agenda = [];
    private readonly List<BoardDecision> _decisions = [];

    private BoardMeeting() { }

    public BoardMeeting(int regionId, DateTime startsAt, string place, string? papers, string createdById, DateTime now)
    {
        RegionId = regionId;
        CreatedById = createdById;
        CreatedAt = now;
        Status = MeetingStatus.Scheduled;
        Change(startsAt, place, papers);
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }

    /// <summary>When it starts (UTC).</summary>
    public DateTime StartsAt { get; private set; }
    public string Place { get; private set; } = "";

    /// <summary>The meeting's papers, as plain text: for board members and coordinators before it.</summary>
    public string? Papers { get; private set; }
    public MeetingStatus Status { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<BoardAgendaItem> Agenda => _agenda;
    public IReadOnlyList<BoardDecision> Decisions => _decisions;

    /// <summary>Before it starts, the papers and the agenda's evidence are for the board only.</summary>
    public bool IsBefore(DateTime now) => now < StartsAt;

    public void Change(DateTime startsAt, string place, string? papers)
    {
        StartsAt = startsAt;
        Place = Guard.Required(place, "The place");
        Papers = Guard.Optional(papers);
    }

    public void AddToAgenda(Proposal proposal, DateTime now)
    {
        if (proposal.RegionId != RegionId)
        {
            throw new DomainException("Only proposals of the meeting's region can go on its agenda.");
        }
        if (_agenda.Any(a => a.ProposalId == proposal.Id))
        {
            throw new DomainException($"“{proposal.Title}” is already on this agenda.");
        }
        var was = proposal.PutOnAgenda(now);
        _agenda.Add(new BoardAgendaItem(proposal.Id, was, _agenda.Count == 0 ? 1 : _agenda.Max(a => a.Position) + 1, now));
    }

    public void RemoveFromAgenda(Proposal proposal, DateTime now)
    {
        var item = _agenda.SingleOrDefault(a => a.ProposalId == proposal.Id)
            ?? throw new DomainException($"“{proposal.Title}” is not on this agenda.");
        if (_decisions.Any(d => d.ProposalId == proposal.Id))
        {
            throw new DomainException($"“{proposal.Title}” has been decided at this meeting: it stays on the agenda.");
        }
        proposal.TakeOffAgenda(item.StatusBefore, now);
        _agenda.Remove(item);
    }

    /// <summary>
    /// Records the board's decision about a proposal on this agenda, once, with its reasons, and moves the
    /// proposal on. <paramref name="mergeInto"/> is the proposal it is merged into (for <see cref="DecisionOutcome.Merged"/>).
    /// </summary>
    public BoardDecision RecordDecision(Proposal proposal, DecisionOutcome outcome, decimal? budget, Proposal? mergeInto, string? reasons,
        string recordedById, DateTime now)
    {
        if (_agenda.All(a => a.ProposalId != proposal.Id))
        {
            throw new DomainException($"“{proposal.Title}” is not on this meeting's agenda: put it on the agenda first.");
        }
        if (_decisions.Any(d => d.ProposalId == proposal.Id))
        {
            throw new DomainException($"A decision about “{proposal.Title}” has already been recorded at this meeting.");
        }
        if (now < StartsAt)
        {
            throw new DomainException($"Decisions are recorded once the meeting has started, on {UkCalendar.DateTime(StartsAt)}.");
        }
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Choose the decision.");
        }
        var why = Guard.Optional(reasons) ?? throw new DomainException("Enter the reasons for the decision.");
        proposal.Decide(outcome, budget, mergeInto, now);
        var decision = new BoardDecision(proposal.Id, outcome, outcome == DecisionOutcome.Approved ? budget : null,
            outcome == DecisionOutcome.Merged ? mergeInto!.Id : null, why, recordedById, now);
        _decisions.Add(decision);
        Status = MeetingStatus.Held;
        return decision;
    }
}

/// <summary>A proposal on a meeting's agenda, with the status it had, to go back to if taken off.</summary>
public class BoardAgendaItem
{
    private BoardAgendaItem() { }

    internal BoardAgendaItem(int proposalId, ProposalStatus statusBefore, int position, DateTime now)
    {
        ProposalId = proposalId;
        StatusBefore = statusBefore;
        Position = position;
        AddedAt = now;
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public int ProposalId { get; private set; }
    public ProposalStatus StatusBefore { get; private set; }
    public int Position { get; private set; }
    public DateTime AddedAt { get; private set; }
}

/// <summary>One decision of the board about one proposal at one meeting, with its reasons: the public record.</summary>
public class BoardDecision
{
    private BoardDecision() { }

    internal BoardDecision(int proposalId, DecisionOutcome outcome, decimal? budget, int? mergedIntoId, string reasons, string recordedById, DateTime now)
    {
        ProposalId = proposalId;
        Outcome = outcome;
        Budget = budget;
        MergedIntoId = mergedIntoId;
        Reasons = reasons;
        RecordedById = recordedById;
        RecordedAt = now;
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public int ProposalId { get; private set; }
    public DecisionOutcome Outcome { get; private set; }

    /// <summary>The approved budget in pounds.</summary>
    public decimal? Budget { get; private set; }
    public int? MergedIntoId { get; private set; }
    public string Reasons { get; private set; } = "";
    public string RecordedById { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
}
