using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>The places-per-partnership cap shares an activity among partnerships.</summary>
public class PartnershipCapTests
{
    [Fact]
    public void Book_BeyondThePartnershipCap_Waitlists_WhileAnotherPartnershipIsConfirmed()
    {
        var activity = Published(Details(capacity: 5, partnershipCap: 2));
        var a1 = activity.Book("a1", 1, At(1));
        var a2 = activity.Book("a2", 1, At(2));

        var a3 = activity.Book("a3", 1, At(3));
        var b1 = activity.Book("b1", 2, At(4));

        Assert.Equal(BookingStatus.Confirmed, a1.Status);
        Assert.Equal(BookingStatus.Confirmed, a2.Status);
        Assert.Equal(BookingStatus.Waitlisted, a3.Status);
        Assert.Equal(BookingStatus.Confirmed, b1.Status);
        Assert.Equal(3, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Book_DoesNotCountCancelledPlacesAgainstTheCap()
    {
        var activity = Published(Details(capacity: 5, partnershipCap: 2));
        var a1 = activity.Book("a1", 1, At(1));
        activity.Book("a2", 1, At(2));
        activity.CancelBooking(a1, At(3));

        var a3 = activity.Book("a3", 1, At(4));

        Assert.Equal(BookingStatus.Confirmed, a3.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Approve_DoesNotCountRequestsOrTheWaitingListAgainstTheCap()
    {
        var activity = Published(Details(capacity: 5, partnershipCap: 1, mode: BookingMode.Approval));
        var waiting = activity.Book("a1", 1, At(1));
        var confirmed = activity.Book("a2", 1, At(2));
        var request = activity.Book("a3", 1, At(3));
        activity.Approve(confirmed, At(4));
        activity.Approve(waiting, At(5));
        activity.CancelBooking(confirmed, At(6)); // promotes a1: a request waiting beside it must not block it

        Assert.Equal(BookingStatus.Confirmed, waiting.Status);
        Assert.Equal(BookingStatus.Requested, request.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void WhyNoPlaceFor_NamesTheCap_WhenItHoldsSomeoneBack_AndFull_OnlyWhenEveryPlaceIsTaken()
    {
        var activity = Published(Details(capacity: 3, partnershipCap: 2));
        activity.Book("a1", 1, At(1));
        activity.Book("a2", 1, At(2));

        Assert.Equal(WaitReason.PartnershipCap, activity.WhyNoPlaceFor(1));
        Assert.Null(activity.WhyNoPlaceFor(2));
        Assert.Null(activity.WhyNoPlaceFor(null));

        activity.Book("b1", 2, At(3));

        Assert.Equal(WaitReason.Full, activity.WhyNoPlaceFor(2));
        Assert.Equal(WaitReason.Full, activity.WhyNoPlaceFor(null));
        Assert.Equal(WaitReason.PartnershipCap, activity.WhyNoPlaceFor(1)); // a place freed by another partnership would not be theirs
    }

    [Fact]
    public void Book_WithoutCap_ConfirmsAPartnershipUpToCapacity()
    {
        var activity = Published(Details(capacity: 3));

        var bookings = Enumerable.Range(1, 3).Select(i => activity.Book($"a{i}", 1, At(i))).ToList();

        Assert.All(bookings, b => Assert.Equal(BookingStatus.Confirmed, b.Status));
        AssertConfirmedCountIsConsistent(activity);
    }
}
