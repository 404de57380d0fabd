using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>A coordinator may book someone outside the booking window, but never after the start.</summary>
public class CoordinatorBookingTests
{
    [Fact]
    public void ByCoordinator_BeforeTheWindowOpens_Books()
    {
        var activity = Published();

        var booking = activity.Book("p1", 1, Opens.AddDays(-3), byCoordinator: true);

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void ByCoordinator_AfterTheWindowCloses_Books()
    {
        var activity = Published();

        var booking = activity.Book("p1", 1, Closes.AddHours(1), byCoordinator: true);

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void ByCoordinator_DuringThePriorityWindow_BooksAnyPartnership()
    {
        var activity = Published(Details(priorityUntil: At(60)), priorityPartnerships: [1]);

        var booking = activity.Book("p1", 2, At(1), byCoordinator: true);

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
    }

    [Fact]
    public void ByCoordinator_WhenFull_StillWaitlists()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));

        var booking = activity.Book("p2", 2, Closes.AddHours(1), byCoordinator: true);

        Assert.Equal(BookingStatus.Waitlisted, booking.Status);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void ByCoordinator_InApprovalMode_NeedsNoApproval()
    {
        var activity = Published(Details(mode: BookingMode.Approval));

        var booking = activity.Book("p1", 1, At(1), byCoordinator: true);

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void ByCoordinator_AtOrAfterTheStart_IsRefused(int minutesAfterStart)
    {
        var activity = Published();

        Assert.Throws<DomainException>(() => activity.Book("p1", 1, Starts.AddMinutes(minutesAfterStart), byCoordinator: true));
        Assert.Empty(activity.Bookings);
    }

    [Fact]
    public void ByCoordinator_OnADraft_IsRefused()
    {
        var activity = Draft();

        Assert.Throws<DomainException>(() => activity.Book("p1", 1, WhileOpen, byCoordinator: true));
        Assert.Empty(activity.Bookings);
    }

    [Fact]
    public void ByCoordinator_OnACancelledActivity_IsRefused()
    {
        var activity = Published();
        activity.Cancel("Speaker ill", At(0));

        Assert.Throws<DomainException>(() => activity.Book("p1", 1, WhileOpen, byCoordinator: true));
        Assert.Empty(activity.Bookings);
    }
}
