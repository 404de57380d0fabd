using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Reviews;
using static LspCapacity.Tests.Domain.Reviews.TestReviews;

namespace LspCapacity.Tests.Domain.Reviews;

public class ReviewTeamTests
{
    [Fact]
    public void AddMember_FromTheHostPartnership_IsRefused()
    {
        var review = New();
        var e = Assert.Throws<DomainException>(() => review.AddMember(ReviewActor.Coordinator, "insider", Host, TeamRole.Peer));
        Assert.Contains("host partnership", e.Message);
        Assert.Throws<DomainException>(() => review.AddMember(ReviewActor.Coordinator, "insider", Host, TeamRole.Lead));
        Assert.Empty(review.Team);
    }

    [Fact]
    public void AddMember_FromAnotherPartnershipOrNone_JoinsTheTeam()
    {
        var review = WithTeam();
        Assert.Equal([(Lead, TeamRole.Lead), (Peer, TeamRole.Peer)], review.Team.Select(m => (m.PersonId, m.Role)));
    }

    [Fact]
    public void AddMember_ASecondLead_IsRefused()
    {
        var review = WithTeam();
        Assert.Throws<DomainException>(() => review.AddMember(ReviewActor.Coordinator, "another", OtherPartnership, TeamRole.Lead));
    }

    [Fact]
    public void AddMember_Twice_IsRefused()
    {
        var review = WithTeam();
        Assert.Throws<DomainException>(() => review.AddMember(ReviewActor.Coordinator, Peer, null, TeamRole.Peer));
    }

    [Theory]
    [InlineData(ReviewActor.Lead)]
    [InlineData(ReviewActor.Host)]
    [InlineData(ReviewActor.None)]
    public void AddMember_ByAnyoneButACoordinator_IsRefused(ReviewActor actor)
    {
        Assert.Throws<DomainException>(() => New().AddMember(actor, "someone", OtherPartnership, TeamRole.Peer));
    }

    [Fact]
    public void Team_CannotChange_OnceFindingsAreWritten()
    {
        var review = At(ReviewStage.Findings);
        Assert.Throws<DomainException>(() => review.AddMember(ReviewActor.Coordinator, "late", OtherPartnership, TeamRole.Peer));
        Assert.Throws<DomainException>(() => review.RemoveMember(ReviewActor.Coordinator, Peer));
    }

    [Fact]
    public void ActorFor_NamesCoordinatorTeamAndHost()
    {
        var review = WithTeam();
        Assert.Equal(ReviewActor.Lead, review.ActorFor(Lead, OtherPartnership, false));
        Assert.Equal(ReviewActor.Peer, review.ActorFor(Peer, null, false));
        Assert.Equal(ReviewActor.Host, review.ActorFor("host staff", Host, false));
        Assert.Equal(ReviewActor.Coordinator, review.ActorFor("coordinator", null, true));
        Assert.Equal(ReviewActor.None, review.ActorFor("outsider", OtherPartnership, false));
    }
}
