using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>First come, first served: confirmed while places last, then the waiting list in order.</summary>
public class FirstComeBookingTests
{
    [Fact]
    public void Book_ConfirmsUntilFull_ThenWaitlistsInOrder()
    {
        var activity = Published(Details(capacity: 2));

        var first = activity.Book("p1", 1, At(1));
        var second = activity.Book("p2", 2, At(2));
        var third = activity.Book("p3", 3, At(3));
        var fourth = activity.Book("p4", 4, At(4));

        Assert.Equal(BookingStatus.Confirmed, first.Status);
        Assert.Equal(BookingStatus.Confirmed, second.Status);
        Assert.Equal(BookingStatus.Waitlisted, third.Status);
        Assert.Equal(BookingStatus.Waitlisted, fourth.Status);
        Assert.Equal([third, fourth], activity.WaitingList);
        Assert.Equal(2, activity.ConfirmedCount);
        Assert.Equal(0, activity.PlacesLeft);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Book_RecordsWhoAndWhen_AndBelongsToTheActivity()
    {
        var activity = Published();

        var booking = activity.Book("p1", 4, At(1));

        Assert.Same(activity, booking.Activity);
        Assert.Equal("p1", booking.PersonId);
        Assert.Equal(4, booking.PartnershipId);
        Assert.Equal(At(1), booking.CreatedAt);
        Assert.False(booking.BookedInPriorityWindow);
        Assert.Equal([booking], activity.Bookings);
        Assert.Equal(9, activity.PlacesLeft);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void WaitingList_IsInTheOrderPeopleJoined()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        var early = activity.Book("p2", 2, At(2));
        var late = activity.Book("p3", 3, At(3));
        var latest = activity.Book("p4", 4, At(4));

        activity.CancelBooking(late, At(5));

        Assert.Equal([early, latest], activity.WaitingList);
        AssertConfirmedCountIsConsistent(activity);
    }
}
