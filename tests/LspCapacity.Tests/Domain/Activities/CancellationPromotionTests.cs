using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>A freed place goes at once to the first person waiting who fits the partnership cap.</summary>
public class CancellationPromotionTests
{
    [Fact]
    public void CancellingAConfirmedPlace_PromotesExactlyTheFirstWaiting_AndReturnsThePromotion()
    {
        var activity = Published(Details(capacity: 1));
        var confirmed = activity.Book("p1", 1, At(1));
        var first = activity.Book("p2", 2, At(2));
        var second = activity.Book("p3", 3, At(3));

        var promotion = Assert.Single(activity.CancelBooking(confirmed, At(4), "Cannot make it"));

        Assert.Same(first, promotion.Booking);
        Assert.Equal(BookingStatus.Waitlisted, promotion.Was);
        Assert.Equal(BookingStatus.Confirmed, first.Status);
        Assert.Equal(At(4), first.StatusChangedAt);
        Assert.Equal(BookingStatus.Waitlisted, second.Status);
        Assert.Equal(BookingStatus.Cancelled, confirmed.Status);
        Assert.Equal("Cannot make it", confirmed.CancelReason);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void CancellingAConfirmedPlace_SkipsSomeoneWhosePartnershipIsAtItsCap()
    {
        var activity = Published(Details(capacity: 3, partnershipCap: 2));
        activity.Book("a1", 1, At(1));
        activity.Book("a2", 1, At(2));
        var b1 = activity.Book("b1", 2, At(3));
        var a3 = activity.Book("a3", 1, At(4)); // waits: partnership 1 is at its cap (and the activity is full)
        var c1 = activity.Book("c1", 3, At(5));
        var b2 = activity.Book("b2", 2, At(6));

        var promotion = Assert.Single(activity.CancelBooking(b1, At(7)));

        Assert.Same(c1, promotion.Booking);
        Assert.Equal(BookingStatus.Waitlisted, a3.Status);
        Assert.Equal(BookingStatus.Waitlisted, b2.Status);
        Assert.Equal([a3, b2], activity.WaitingList);
        Assert.Equal(3, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void CancellingAConfirmedPlace_WhenNobodyWaitingFits_PromotesNobody()
    {
        var activity = Published(Details(capacity: 3, partnershipCap: 2));
        activity.Book("a1", 1, At(1));
        activity.Book("a2", 1, At(2));
        var b1 = activity.Book("b1", 2, At(3));
        var a3 = activity.Book("a3", 1, At(4));

        var promotions = activity.CancelBooking(b1, At(5));

        Assert.Empty(promotions);
        Assert.Equal(BookingStatus.Waitlisted, a3.Status);
        Assert.Equal(2, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void CancellingAWaitlistedBooking_PromotesNobody()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        var first = activity.Book("p2", 2, At(2));
        var second = activity.Book("p3", 3, At(3));

        var promotions = activity.CancelBooking(first, At(4));

        Assert.Empty(promotions);
        Assert.Equal(BookingStatus.Cancelled, first.Status);
        Assert.Equal(BookingStatus.Waitlisted, second.Status);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void CancellingAConfirmedPlace_WithNobodyWaiting_FreesThePlace()
    {
        var activity = Published(Details(capacity: 2));
        var booking = activity.Book("p1", 1, At(1));

        var promotions = activity.CancelBooking(booking, At(2));

        Assert.Empty(promotions);
        Assert.Equal(0, activity.ConfirmedCount);
        Assert.Equal(2, activity.PlacesLeft);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void CancellingARequest_PromotesNobody()
    {
        var activity = Published(Details(capacity: 1, mode: BookingMode.Approval));
        var approved = activity.Book("p1", 1, At(1));
        activity.Approve(approved, At(2));
        var waiting = activity.Book("p2", 2, At(3));
        activity.Approve(waiting, At(4));
        var request = activity.Book("p3", 3, At(5));

        Assert.Empty(activity.CancelBooking(request, At(6)));
        Assert.Equal(BookingStatus.Waitlisted, waiting.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void CancellingTwice_IsRefused()
    {
        var activity = Published(Details(capacity: 1));
        var booking = activity.Book("p1", 1, At(1));
        activity.CancelBooking(booking, At(2));
        var promoted = activity.Book("p2", 2, At(3));

        Assert.Throws<DomainException>(() => activity.CancelBooking(booking, At(4)));
        Assert.Equal(BookingStatus.Confirmed, promoted.Status);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }
}
