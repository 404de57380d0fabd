using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>Co-delivery: who may be named on an activity of region 1, and how often.</summary>
public class ContributorTests
{
    private static ContributorDetails CoDeliverer(int partnershipId = 7, int regionId = 1) =>
        new(partnershipId, regionId, ContributorRole.CoDeliverer, null, null, null, "Runs the afternoon session");

    [Fact]
    public void AddContributor_OfTheRegion_IsNamed()
    {
        var activity = Published();

        var added = activity.AddContributor(CoDeliverer(), At(1));

        Assert.Equal(7, added.PartnershipId);
        Assert.Equal("Runs the afternoon session", added.Contribution);
        Assert.Single(activity.Contributors);
    }

    [Fact]
    public void AddContributor_OfAnotherRegion_IsRefused_UnlessTheShowcaseIsNational()
    {
        var regional = Published(Details() with { Kind = ActivityKind.Showcase });
        Assert.Throws<DomainException>(() => regional.AddContributor(CoDeliverer(regionId: 2), At(1)));

        regional.SetNational(true, [], At(2));
        Assert.Equal(7, regional.AddContributor(CoDeliverer(regionId: 2), At(3)).PartnershipId);
    }

    [Fact]
    public void AddContributor_SamePartnershipInTheSameRole_IsRefused()
    {
        var activity = Published();
        activity.AddContributor(CoDeliverer(), At(1));

        Assert.Throws<DomainException>(() => activity.AddContributor(CoDeliverer(), At(2)));
        Assert.Single(activity.Contributors);
    }

    [Fact]
    public void AddContributor_TwoPresentersOfOnePartnership_AreBothNamed_ButNotTheSameOneTwice()
    {
        var activity = Published();
        activity.AddContributor(new ContributorDetails(7, 1, ContributorRole.Presenter, null, null, "Ann Speaker", "Keynote"), At(1));
        activity.AddContributor(new ContributorDetails(7, 1, ContributorRole.Presenter, "p2", 7, null, "Workshop"), At(2));

        Assert.Throws<DomainException>(() =>
            activity.AddContributor(new ContributorDetails(7, 1, ContributorRole.Presenter, null, null, "ann speaker", "Again"), At(3)));
        Assert.Equal(2, activity.Contributors.Count);
    }

    [Fact]
    public void AddContributor_APersonOfAnotherPartnership_IsRefused()
    {
        var activity = Published();

        Assert.Throws<DomainException>(() =>
            activity.AddContributor(new ContributorDetails(7, 1, ContributorRole.Presenter, "p9", 8, null, "Keynote"), At(1)));
    }

    [Fact]
    public void AddContributor_APresenterWithoutAName_IsRefused()
    {
        var activity = Published();

        Assert.Throws<DomainException>(() =>
            activity.AddContributor(new ContributorDetails(7, 1, ContributorRole.Presenter, null, null, "  ", "Keynote"), At(1)));
    }

    [Fact]
    public void AddContributor_AHostOfAnythingButAStudyVisit_IsRefused()
    {
        var workshop = Published();
        var visit = Published(Details() with { Kind = ActivityKind.StudyVisit });

        Assert.Throws<DomainException>(() =>
            workshop.AddContributor(CoDeliverer() with { Role = ContributorRole.Host }, At(1)));
        Assert.Equal(ContributorRole.Host, visit.AddContributor(CoDeliverer() with { Role = ContributorRole.Host }, At(1)).Role);
    }

    [Fact]
    public void AddContributor_WithAContributionTooLong_IsRefused()
    {
        var activity = Published();

        Assert.Throws<DomainException>(() =>
            activity.AddContributor(CoDeliverer() with { Contribution = new string('x', ActivityContributor.ContributionMaxLength + 1) }, At(1)));
    }
}
