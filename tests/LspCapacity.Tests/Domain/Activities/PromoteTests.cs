using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>A coordinator moves a waiting person into a free place, out of turn.</summary>
public class PromoteTests
{
    [Fact]
    public void Promote_OutOfTurn_AfterCapacityIsRaised_IsRefused_BecauseTheFirstWaitingHasThePlace()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        var first = activity.Book("p2", 2, At(2));
        var second = activity.Book("p3", 3, At(3));
        activity.Update(Details(capacity: 2), [1], At(4));

        var error = Assert.Throws<DomainException>(() => activity.Promote(second, At(5)));

        Assert.Contains("no free place", error.Message);
        Assert.Equal(BookingStatus.Confirmed, first.Status);
        Assert.Equal(BookingStatus.Waitlisted, second.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Promote_WithoutAFreePlace_IsRefused()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        var waiting = activity.Book("p2", 2, At(2));

        var error = Assert.Throws<DomainException>(() => activity.Promote(waiting, At(3)));

        Assert.Contains("no free place", error.Message);
        Assert.Equal(BookingStatus.Waitlisted, waiting.Status);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Promote_BeyondThePartnershipCap_IsRefused_NamingTheCap_NotAFullActivity()
    {
        var activity = Published(Details(capacity: 1, partnershipCap: 1));
        activity.Book("a1", 1, At(1));
        var waiting = activity.Book("a2", 1, At(2));
        activity.Update(Details(capacity: 2, partnershipCap: 1), [1], At(3));

        var error = Assert.Throws<DomainException>(() => activity.Promote(waiting, At(4)));

        Assert.Equal(1, activity.PlacesLeft);
        Assert.DoesNotContain("no free place", error.Message);
        Assert.StartsWith("Their partnership already has 1 place on this activity, the most one partnership may have", error.Message);
        Assert.Equal(BookingStatus.Waitlisted, waiting.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Promote_OfSomeoneNotWaiting_IsRefused()
    {
        var activity = Published(Details(capacity: 2));
        var confirmed = activity.Book("p1", 1, At(1));

        Assert.Throws<DomainException>(() => activity.Promote(confirmed, At(2)));
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }
}
