using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Proposals;

namespace LspCapacity.Tests.Domain.Proposals;

public class ProposalTests
{
    private const int Region = 1;
    private const int Sandwell = 10;
    private const int Walsall = 20;
    private const int Dudley = 30;
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    internal static Proposal NewProposal()
    {
        var proposal = new Proposal(Region, 5, Sandwell, "proposer", Now);
        proposal.Describe("Commissioning masterclass", ProposalKind.Workshop, [3, 4], "We cannot bend mainstream budgets.",
            "Commissioning leads of the Black Country", HostOffer.Host, 1200m, Now);
        return proposal;
    }

    /// <summary>The board's decision, set directly: deciding is the board's work (its own methods).</summary>
    internal static void SetStatus(Proposal proposal, ProposalStatus status) =>
        typeof(Proposal).GetProperty(nameof(Proposal.Status))!.SetValue(proposal, status);

    [Fact]
    public void Describe_SetsEverything()
    {
        var proposal = NewProposal();
        Assert.Equal("Commissioning masterclass", proposal.Title);
        Assert.Equal([3, 4], proposal.Themes.Select(t => t.ThemeId).Order());
        Assert.Equal(ProposalStatus.Open, proposal.Status);
        Assert.Equal(1200m, proposal.RoughCost);
        proposal.Describe("Renamed", ProposalKind.StudyVisit, [4, 6], "Need", "Who", HostOffer.None, null, Now.AddDays(1));
        Assert.Equal([4, 6], proposal.Themes.Select(t => t.ThemeId).Order());
        Assert.Null(proposal.RoughCost);
        Assert.Equal(Now.AddDays(1), proposal.UpdatedAt);
    }

    [Theory]
    [InlineData("", "Need", "Who", 10, "The title is required.")]
    [InlineData("Title", " ", "Who", 10, "The need it answers is required.")]
    [InlineData("Title", "Need", "", 10, "Who would come is required.")]
    [InlineData("Title", "Need", "Who", -1, "The rough cost cannot be below zero.")]
    public void Describe_BadInput_IsRefused(string title, string need, string who, int cost, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() =>
            new Proposal(Region, 5, Sandwell, "p", Now).Describe(title, ProposalKind.Seminar, [3], need, who, HostOffer.None, cost, Now)).Message);

    [Fact]
    public void Describe_WithoutATheme_IsRefused() =>
        Assert.Equal("Choose at least one theme.", Assert.Throws<DomainException>(() =>
            new Proposal(Region, 5, Sandwell, "p", Now).Describe("T", ProposalKind.Seminar, [], "N", "W", HostOffer.None, null, Now)).Message);

    [Fact]
    public void Describe_UnknownKind_IsRefused() =>
        Assert.Throws<DomainException>(() =>
            new Proposal(Region, 5, Sandwell, "p", Now).Describe("T", (ProposalKind)99, [1], "N", "W", HostOffer.None, null, Now));

    [Theory]
    [InlineData(ProposalStatus.Open, false)]
    [InlineData(ProposalStatus.OnAgenda, false)]
    [InlineData(ProposalStatus.Deferred, false)]
    [InlineData(ProposalStatus.Approved, true)]
    [InlineData(ProposalStatus.Merged, true)]
    [InlineData(ProposalStatus.Declined, true)]
    public void IsDecided_OnlyAfterAFinalDecision(ProposalStatus status, bool decided)
    {
        var proposal = NewProposal();
        SetStatus(proposal, status);
        Assert.Equal(decided, proposal.IsDecided);
    }

    [Theory]
    [InlineData(ProposalStatus.OnAgenda)]
    [InlineData(ProposalStatus.Deferred)]
    public void Describe_WhileUndecided_IsAllowed(ProposalStatus status)
    {
        var proposal = NewProposal();
        SetStatus(proposal, status);
        proposal.Describe("Still changing", ProposalKind.Seminar, [3], "N", "W", HostOffer.None, null, Now);
        Assert.Equal("Still changing", proposal.Title);
    }

    [Theory]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Merged)]
    [InlineData(ProposalStatus.Declined)]
    public void Describe_OnceDecided_IsRefused(ProposalStatus status)
    {
        var proposal = NewProposal();
        SetStatus(proposal, status);
        Assert.Throws<DomainException>(() => proposal.Describe("Too late", ProposalKind.Seminar, [3], "N", "W", HostOffer.None, null, Now));
        Assert.Equal("Commissioning masterclass", proposal.Title);
    }

    [Fact]
    public void Endorse_ByAnotherPartnershipOfTheRegion_IsRecorded()
    {
        var endorsement = NewProposal().Endorse(null, "walsall-1", Walsall, Region, EndorsementKinds.NeedThisToo | EndorsementKinds.WouldCome,
            "  We have the same gap.  ", Now);
        Assert.Equal(Walsall, endorsement.PartnershipId);
        Assert.Equal("walsall-1", endorsement.UserId);
        Assert.Equal("We have the same gap.", endorsement.Comment);
    }

    [Fact]
    public void Endorse_ByTheProposersOwnPartnership_IsRefused()
    {
        var proposal = NewProposal();
        Assert.Throws<DomainException>(() => proposal.Endorse(null, "sandwell-2", Sandwell, Region, EndorsementKinds.WouldCome, null, Now));
        Assert.Throws<DomainException>(() => proposal.Endorse(null, "proposer", Sandwell, Region, EndorsementKinds.WouldCome, null, Now));
    }

    [Fact]
    public void Endorse_FromAnotherRegion_OrWithoutAPartnership_IsRefused()
    {
        var proposal = NewProposal();
        Assert.Throws<DomainException>(() => proposal.Endorse(null, "knowsley", 99, Region + 1, EndorsementKinds.WouldCome, null, Now));
        Assert.Throws<DomainException>(() => proposal.Endorse(null, "coordinator", null, Region, EndorsementKinds.WouldCome, null, Now));
    }

    [Fact]
    public void Endorse_SayingNothing_IsRefused() =>
        Assert.Throws<DomainException>(() => NewProposal().Endorse(null, "walsall-1", Walsall, Region, EndorsementKinds.None, null, Now));

    [Fact]
    public void Endorse_Again_ChangesThePersonsOneEndorsement()
    {
        var proposal = NewProposal();
        var mine = proposal.Endorse(null, "walsall-1", Walsall, Region, EndorsementKinds.WouldCome, null, Now);
        var again = proposal.Endorse(mine, "walsall-1", Walsall, Region, EndorsementKinds.CanCoDeliver, "We can present.", Now);
        Assert.Same(mine, again);
        Assert.Equal(EndorsementKinds.CanCoDeliver, mine.Kinds);
        Assert.Equal("We can present.", mine.Comment);
    }

    [Fact]
    public void Endorse_SomeoneElsesEndorsement_IsRefused()
    {
        var proposal = NewProposal();
        var theirs = proposal.Endorse(null, "walsall-1", Walsall, Region, EndorsementKinds.WouldCome, null, Now);
        Assert.Throws<DomainException>(() => proposal.Endorse(theirs, "dudley-1", Dudley, Region, EndorsementKinds.WouldCome, null, Now));
        Assert.Throws<DomainException>(() => proposal.WithdrawEndorsement(theirs, "dudley-1"));
    }

    [Theory]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Declined)]
    [InlineData(ProposalStatus.Merged)]
    public void Endorse_OrWithdraw_OnceDecided_IsRefused(ProposalStatus status)
    {
        var proposal = NewProposal();
        var mine = proposal.Endorse(null, "walsall-1", Walsall, Region, EndorsementKinds.WouldCome, null, Now);
        SetStatus(proposal, status);
        Assert.Throws<DomainException>(() => proposal.Endorse(null, "dudley-1", Dudley, Region, EndorsementKinds.WouldCome, null, Now));
        Assert.Throws<DomainException>(() => proposal.Endorse(mine, "walsall-1", Walsall, Region, EndorsementKinds.NeedThisToo, null, Now));
        Assert.Throws<DomainException>(() => proposal.WithdrawEndorsement(mine, "walsall-1"));
    }

    [Fact]
    public void Endorse_WhileDeferred_IsAllowed()
    {
        var proposal = NewProposal();
        SetStatus(proposal, ProposalStatus.Deferred);
        Assert.Equal(Dudley, proposal.Endorse(null, "dudley-1", Dudley, Region, EndorsementKinds.WouldCome, null, Now).PartnershipId);
    }

    [Fact]
    public void PartnershipsEndorsing_CountsAPartnershipOnce_HoweverManyOfItsStaffEndorse()
    {
        var proposal = NewProposal();
        var endorsements = new[] { "walsall-1", "walsall-2", "walsall-3" }
            .Select(person => proposal.Endorse(null, person, Walsall, Region, EndorsementKinds.WouldCome, null, Now))
            .Append(proposal.Endorse(null, "dudley-1", Dudley, Region, EndorsementKinds.NeedThisToo, null, Now))
            .ToList();
        Assert.Equal(2, Proposal.PartnershipsEndorsing(endorsements));
    }
}
