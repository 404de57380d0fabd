using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Proposals;

namespace LspCapacity.Tests.Domain.Proposals;

public class BoardMeetingTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>A proposal of region 1 with the id the database would give it.</summary>
    private static Proposal Proposal(int id, int regionId = 1, ProposalKind kind = ProposalKind.Workshop, HostOffer offer = HostOffer.None)
    {
        var proposal = Web.Domain.Proposals.Proposal.Seed(regionId, 1, 7, "proposer", kind, $"Proposal {id}", "The need.", "Officers", offer, 500m, [3, 4], Now);
        typeof(Proposal).GetProperty(nameof(Web.Domain.Proposals.Proposal.Id))!.SetValue(proposal, id);
        return proposal;
    }

    private static BoardMeeting Held() => new(1, Now.AddHours(-2), "Council House", null, "coordinator", Now.AddDays(-10));

    [Fact]
    public void RecordDecision_OncePerProposal_AndOnlyForTheAgenda()
    {
        var meeting = Held();
        var onAgenda = Proposal(1);
        meeting.AddToAgenda(onAgenda, Now);
        var elsewhere = Proposal(2);

        var notOnAgenda = Assert.Throws<DomainException>(() => meeting.RecordDecision(elsewhere, DecisionOutcome.Declined, null, null, "No.", "c", Now));
        Assert.Contains("is not on this meeting's agenda", notOnAgenda.Message);

        meeting.RecordDecision(onAgenda, DecisionOutcome.Declined, null, null, "Out of scope.", "c", Now);
        Assert.Equal(ProposalStatus.Declined, onAgenda.Status);
        Assert.Equal(Now, onAgenda.DecidedAt);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
        var twice = Assert.Throws<DomainException>(() => meeting.RecordDecision(onAgenda, DecisionOutcome.Approved, 10m, null, "Yes.", "c", Now));
        Assert.Contains("has already been recorded", twice.Message);
        Assert.Single(meeting.Decisions);
    }

    [Theory]
    [InlineData(DecisionOutcome.Approved, -1.0, "cannot be below zero")]
    [InlineData(DecisionOutcome.Approved, null, "Enter the approved budget")]
    [InlineData(DecisionOutcome.Merged, null, "cannot be merged into itself")]
    public void RecordDecision_RefusesBadOutcomes(DecisionOutcome outcome, double? budget, string error)
    {
        var meeting = Held();
        var proposal = Proposal(1);
        meeting.AddToAgenda(proposal, Now);
        var refusal = Assert.Throws<DomainException>(() =>
            meeting.RecordDecision(proposal, outcome, (decimal?)budget, outcome == DecisionOutcome.Merged ? proposal : null, "Why.", "c", Now));
        Assert.Contains(error, refusal.Message);
        Assert.Equal(ProposalStatus.OnAgenda, proposal.Status);
        Assert.Empty(meeting.Decisions);
    }

    [Fact]
    public void RecordDecision_NeedsReasons_AndTheMeetingToHaveStarted()
    {
        var meeting = Held();
        var proposal = Proposal(1);
        meeting.AddToAgenda(proposal, Now);
        Assert.Contains("Enter the reasons", Assert.Throws<DomainException>(() => meeting.RecordDecision(proposal, DecisionOutcome.Deferred, null, null, "  ", "c", Now)).Message);

        var upcoming = new BoardMeeting(1, Now.AddDays(3), "Council House", "Papers", "coordinator", Now);
        var later = Proposal(2);
        upcoming.AddToAgenda(later, Now);
        Assert.Contains("once the meeting has started", Assert.Throws<DomainException>(() => upcoming.RecordDecision(later, DecisionOutcome.Deferred, null, null, "Wait.", "c", Now)).Message);
    }

    [Fact]
    public void Merge_IntoAnUndecidedProposalOfTheRegion_Only()
    {
        var meeting = Held();
        var (one, two, three) = (Proposal(1), Proposal(2), Proposal(3));
        meeting.AddToAgenda(one, Now);
        meeting.AddToAgenda(two, Now);
        meeting.RecordDecision(two, DecisionOutcome.Declined, null, null, "No.", "c", Now);
        Assert.Contains("already been decided", Assert.Throws<DomainException>(() => meeting.RecordDecision(one, DecisionOutcome.Merged, null, two, "Same.", "c", Now)).Message);
        Assert.Contains("of its region", Assert.Throws<DomainException>(() => meeting.RecordDecision(one, DecisionOutcome.Merged, null, Proposal(9, regionId: 2), "Same.", "c", Now)).Message);

        meeting.RecordDecision(one, DecisionOutcome.Merged, 99m, three, "The same need.", "c", Now);
        Assert.Equal((ProposalStatus.Merged, (int?)3), (one.Status, one.MergedIntoId));
        Assert.Null(meeting.Decisions.Single(d => d.ProposalId == 1).Budget); // a budget is only for an approval
    }

    [Fact]
    public void Agenda_TakesOpenAndDeferredProposalsOfTheRegion_AndGivesThemBack()
    {
        var meeting = Held();
        var proposal = Proposal(1);
        Assert.Throws<DomainException>(() => meeting.AddToAgenda(Proposal(2, regionId: 2), Now));
        meeting.AddToAgenda(proposal, Now);
        Assert.Contains("already on this agenda", Assert.Throws<DomainException>(() => meeting.AddToAgenda(proposal, Now)).Message);
        meeting.RecordDecision(proposal, DecisionOutcome.Deferred, null, null, "Spring.", "c", Now);
        Assert.Equal(ProposalStatus.Deferred, proposal.Status);
        Assert.Null(proposal.DecidedAt);
        Assert.Throws<DomainException>(() => meeting.RemoveFromAgenda(proposal, Now)); // decided here: it stays

        var next = new BoardMeeting(1, Now.AddDays(30), "Council House", null, "coordinator", Now);
        next.AddToAgenda(proposal, Now);
        Assert.Equal(ProposalStatus.OnAgenda, proposal.Status);
        next.RemoveFromAgenda(proposal, Now);
        Assert.Equal(ProposalStatus.Deferred, proposal.Status);
        Assert.Empty(next.Agenda);
    }

    [Theory]
    [InlineData(ProposalKind.PeerLearningSet, ActivityKind.Workshop)]
    [InlineData(ProposalKind.BespokeSupport, ActivityKind.Workshop)]
    [InlineData(ProposalKind.StudyVisit, ActivityKind.StudyVisit)]
    [InlineData(ProposalKind.Seminar, ActivityKind.Seminar)]
    public void Approval_BecomesADraftActivity_PrefilledFromTheProposal(ProposalKind kind, ActivityKind expected)
    {
        var meeting = Held();
        var proposal = Proposal(5, kind: kind, offer: HostOffer.Host);
        meeting.AddToAgenda(proposal, Now);
        Assert.Throws<DomainException>(() => ProposedActivity.Draft(proposal, Now)); // not approved yet
        meeting.RecordDecision(proposal, DecisionOutcome.Approved, 0m, null, "Free to run.", "c", Now);

        var draft = ProposedActivity.Draft(proposal, Now);
        Assert.Equal((ActivityStatus.Draft, expected, "Proposal 5", 7, (int?)5), (draft.Status, draft.Kind, draft.Title, draft.HostPartnershipId!.Value, draft.ProposalId));
        Assert.Equal(new[] { 3, 4 }, draft.Themes.Select(t => t.ThemeId));
        Assert.True(draft.StartsAt > Now.AddDays(50) && draft.BookingClosesAt < draft.StartsAt);
        Assert.Contains(draft.StartsAt.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday });
        Assert.Equal(0m, proposal.ApprovedBudget);
    }

    [Fact]
    public void BoardMember_IsLspStaffOfTheRegion()
    {
        Assert.Throws<DomainException>(() => new BoardMember(1, "mentor", 1, personIsLspStaff: false, "c", Now));
        Assert.Throws<DomainException>(() => new BoardMember(1, "elsewhere", 2, personIsLspStaff: true, "c", Now));
        Assert.Equal(Now, new BoardMember(1, "staff", 1, personIsLspStaff: true, "c", Now).Since);
    }
}
