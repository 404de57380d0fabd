using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Reviews;
using static LspCapacity.Tests.Domain.Reviews.TestReviews;

namespace LspCapacity.Tests.Domain.Reviews;

/// <summary>A coordinator sets up a review with its team in one step; a refused member is named, as lead or peer.</summary>
public class ReviewTeamSetUpTests
{
    private static readonly Reviewer Lea = new(Lead, OtherPartnership, "Lea Lead");
    private static readonly Reviewer Pat = new(Peer, null, "Pat Peer");
    private static readonly Reviewer Hana = new(HostStaff, Host, "Hana Host");

    private static PeerReview SetUp(Reviewer lead, params Reviewer[] peers) =>
        PeerReview.SetUp(1, Host, [ThemeA], "Scope", Today.AddDays(7), Today.AddDays(28), Today.AddDays(42), Today.AddDays(44),
            lead, peers, Today, Now);

    [Fact]
    public void SetUp_PutsTheLeadAndPeersOnTheTeam()
    {
        var review = SetUp(Lea, Pat, Pat);

        Assert.Equal(ReviewStage.Scoping, review.Stage);
        Assert.Equal(new[] { (Lead, TeamRole.Lead), (Peer, TeamRole.Peer) }, review.Team.Select(m => (m.PersonId, m.Role)));
    }

    [Fact]
    public void SetUp_ALeadFromTheHost_IsRefusedByNameAsTheLead()
    {
        var e = Assert.Throws<TeamMemberRefused>(() => SetUp(Hana, Pat));
        Assert.Equal(TeamRole.Lead, e.Role);
        Assert.StartsWith("Hana Host: Nobody from the host partnership", e.Message);
    }

    [Fact]
    public void SetUp_APeerFromTheHost_IsRefusedByNameAsAPeer()
    {
        var e = Assert.Throws<TeamMemberRefused>(() => SetUp(Lea, Pat, Hana));
        Assert.Equal(TeamRole.Peer, e.Role);
        Assert.StartsWith("Hana Host: ", e.Message);
    }

    [Fact]
    public void SetUp_TheLeadAlsoAPeer_IsRefused() =>
        Assert.Equal(TeamRole.Peer, Assert.Throws<TeamMemberRefused>(() => SetUp(Lea, Lea)).Role);

    [Fact]
    public void SetUp_WithBadDates_IsRefusedForTheReviewNotAMember()
    {
        var e = Assert.Throws<DomainException>(() => PeerReview.SetUp(1, Host, [ThemeA], null, Today.AddDays(30), Today.AddDays(20),
            Today.AddDays(14), Today.AddDays(15), Lea, [Pat], Today, Now));
        Assert.IsNotType<TeamMemberRefused>(e);
    }
}
