using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

public class OneLiveBookingPerPersonTests
{
    [Fact]
    public void Book_Twice_IsRefused()
    {
        var activity = Published();
        activity.Book("p1", 1, At(1));

        var error = Assert.Throws<DomainException>(() => activity.Book("p1", 1, At(2)));

        Assert.Contains("already has a booking", error.Message);
        Assert.Single(activity.Bookings);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Book_WhileOnTheWaitingList_IsRefused()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        activity.Book("p2", 2, At(2));

        Assert.Throws<DomainException>(() => activity.Book("p2", 2, At(3)));
        Assert.Single(activity.WaitingList);
    }

    [Fact]
    public void Book_WhileAwaitingApproval_IsRefused()
    {
        var activity = Published(Details(mode: BookingMode.Approval));
        activity.Book("p1", 1, At(1));

        Assert.Throws<DomainException>(() => activity.Book("p1", 1, At(2)));
    }

    [Fact]
    public void Book_ByCoordinator_ForSomeoneAlreadyBooked_IsRefused()
    {
        var activity = Published();
        activity.Book("p1", 1, At(1));

        Assert.Throws<DomainException>(() => activity.Book("p1", 1, At(2), byCoordinator: true));
    }

    [Fact]
    public void Book_AfterCancelling_Works()
    {
        var activity = Published();
        var first = activity.Book("p1", 1, At(1));
        activity.CancelBooking(first, At(2));

        var second = activity.Book("p1", 1, At(3));

        Assert.NotSame(first, second);
        Assert.Equal(BookingStatus.Cancelled, first.Status);
        Assert.Equal(BookingStatus.Confirmed, second.Status);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }
}
