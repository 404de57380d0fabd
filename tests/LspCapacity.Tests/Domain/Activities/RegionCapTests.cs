using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>A national showcase (organised by region 1) with a cap on the places of people of region 2.</summary>
public class RegionCapTests
{
    private const int Organiser = 1;
    private const int NorthWest = 2;
    private const int Yorkshire = 3;

    private static ActivityDetails Showcase(int capacity = 10, int? partnershipCap = null) =>
        Details(capacity, partnershipCap) with { Kind = ActivityKind.Showcase };

    private static Activity National(int capacity = 10, params (int RegionId, int Cap)[] caps)
    {
        var activity = Published(Showcase(capacity));
        activity.SetNational(true, caps, Created);
        return activity;
    }

    [Fact]
    public void Book_BeyondTheRegionCap_Waitlists_WithTheRegionCapReason()
    {
        var activity = National(10, (NorthWest, 2));
        activity.Book("nw1", 20, At(1), personRegionId: NorthWest);
        activity.Book("nw2", 21, At(2), personRegionId: NorthWest);

        var third = activity.Book("nw3", 22, At(3), personRegionId: NorthWest);

        Assert.Equal(BookingStatus.Waitlisted, third.Status);
        Assert.Equal(WaitReason.RegionCap, activity.WhyNoPlaceFor(22, NorthWest));
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Book_ByPeopleOfAnUncappedRegion_IsNotHeldBackByAnotherRegionsCap()
    {
        var activity = National(10, (NorthWest, 1));
        activity.Book("nw1", 20, At(1), personRegionId: NorthWest);

        var own = activity.Book("wm1", 1, At(2), personRegionId: Organiser);
        var yorkshire = activity.Book("y1", 30, At(3), personRegionId: Yorkshire);

        Assert.Equal(BookingStatus.Confirmed, own.Status);
        Assert.Equal(BookingStatus.Confirmed, yorkshire.Status);
        Assert.Equal(3, activity.ConfirmedCount);
    }

    [Fact]
    public void RegionCap_IsNotCounted_WhenTheShowcaseIsNotNational()
    {
        var activity = Published(Showcase());
        activity.Book("a", 1, At(1), personRegionId: NorthWest);

        var second = activity.Book("b", 2, At(2), personRegionId: NorthWest);

        Assert.Equal(BookingStatus.Confirmed, second.Status);
        Assert.Null(activity.RegionCapFor(NorthWest));
    }

    [Fact]
    public void Cancellation_PromotesTheFirstWhoFitsTheRegionCap_PassingOverThoseItHoldsBack()
    {
        var activity = National(2, (NorthWest, 1));
        var nw1 = activity.Book("nw1", 20, At(1), personRegionId: NorthWest);
        var wm1 = activity.Book("wm1", 1, At(2), personRegionId: Organiser);
        var nw2 = activity.Book("nw2", 21, At(3), personRegionId: NorthWest); // full, and the cap too
        var wm2 = activity.Book("wm2", 2, At(4), personRegionId: Organiser);

        var promoted = activity.CancelBooking(wm1, At(5));

        Assert.Equal([wm2], promoted.Select(p => p.Booking));
        Assert.Equal(BookingStatus.Waitlisted, nw2.Status);
        Assert.Equal(BookingStatus.Confirmed, nw1.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Cancelling_ARegionsPlace_GivesItToThatRegionsFirstWaiting()
    {
        var activity = National(5, (NorthWest, 1));
        var nw1 = activity.Book("nw1", 20, At(1), personRegionId: NorthWest);
        var nw2 = activity.Book("nw2", 21, At(2), personRegionId: NorthWest);

        var promoted = activity.CancelBooking(nw1, At(3));

        Assert.Equal([nw2], promoted.Select(p => p.Booking));
        Assert.Equal(BookingStatus.Confirmed, nw2.Status);
    }

    [Fact]
    public void RaisingTheCap_FillsFromTheWaitingList()
    {
        var activity = National(5, (NorthWest, 1));
        activity.Book("nw1", 20, At(1), personRegionId: NorthWest);
        var nw2 = activity.Book("nw2", 21, At(2), personRegionId: NorthWest);

        var promoted = activity.SetNational(true, [(NorthWest, 2)], At(3));

        Assert.Equal([nw2], promoted.Select(p => p.Booking));
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Promote_PastTheRegionCap_IsRefused_NamingTheCap()
    {
        var activity = National(5, (NorthWest, 1));
        activity.Book("nw1", 20, At(1), personRegionId: NorthWest);
        var nw2 = activity.Book("nw2", 21, At(2), personRegionId: NorthWest);

        var refusal = Assert.Throws<DomainException>(() => activity.Promote(nw2, At(3)));

        Assert.Contains("region", refusal.Message);
        Assert.Equal(BookingStatus.Waitlisted, nw2.Status);
    }

    [Fact]
    public void Approve_PastTheRegionCap_Waitlists()
    {
        var activity = Published(Details(5, mode: BookingMode.Approval) with { Kind = ActivityKind.Showcase });
        activity.SetNational(true, [(NorthWest, 1)], Created);
        var first = activity.Book("nw1", 20, At(1), personRegionId: NorthWest);
        var second = activity.Book("nw2", 21, At(2), personRegionId: NorthWest);
        activity.Approve(first, At(3));

        Assert.Equal(BookingStatus.Waitlisted, activity.Approve(second, At(4)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void SetNational_WithACapOutsideOneToCapacity_IsRefused(int cap)
    {
        var activity = Published(Showcase(10));

        Assert.Throws<DomainException>(() => activity.SetNational(true, [(NorthWest, cap)], Created));
        Assert.False(activity.IsNational);
    }

    [Fact]
    public void SetNational_OfAnythingButAShowcase_IsRefused()
    {
        var activity = Published();

        var refusal = Assert.Throws<DomainException>(() => activity.SetNational(true, [], Created));

        Assert.Contains("showcase", refusal.Message);
    }

    [Fact]
    public void SetNational_CapBelowTheRegionsConfirmedPlaces_IsRefused()
    {
        var activity = National(10);
        activity.Book("nw1", 20, At(1), personRegionId: NorthWest);
        activity.Book("nw2", 21, At(2), personRegionId: NorthWest);

        Assert.Throws<DomainException>(() => activity.SetNational(true, [(NorthWest, 1)], At(3)));
    }

    [Fact]
    public void MakingItRegional_WhileOtherRegionsPeopleAreBooked_IsRefused()
    {
        var activity = National(10);
        activity.Book("nw1", 20, At(1), personRegionId: NorthWest);

        Assert.Throws<DomainException>(() => activity.SetNational(false, [], At(2)));
        Assert.True(activity.IsNational);
    }

    [Fact]
    public void Update_ToAnotherKind_WhileNational_IsRefused()
    {
        var activity = National(10);

        Assert.Throws<DomainException>(() => activity.Update(Details(10), [1], At(1)));
    }
}
