using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>No booking outside the window, nor on an activity that is not published.</summary>
public class BookingWindowTests
{
    private static void AssertBookingRefused(Activity activity, DateTime now, string because)
    {
        Assert.Contains(because, activity.WhyBookingIsClosed(now, 1));
        var error = Assert.Throws<DomainException>(() => activity.Book("p1", 1, now));
        Assert.Contains(because, error.Message);
        Assert.Empty(activity.Bookings);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void WhileOpen_BookingIsOpen()
    {
        var activity = Published();

        Assert.Null(activity.WhyBookingIsClosed(WhileOpen, 1));
        Assert.Null(activity.WhyBookingIsClosed(WhileOpen, null));
    }

    [Fact]
    public void BeforeTheWindowOpens_BookingIsRefused_SayingWhenItOpens() =>
        // 1 May 2026 09:00 UTC is 10am in the UK (BST).
        AssertBookingRefused(Published(), Opens.AddMinutes(-1), "Booking opens on 1 May 2026 at 10am");

    [Fact]
    public void AsTheWindowOpens_BookingWorks()
    {
        var activity = Published();

        Assert.Equal(BookingStatus.Confirmed, activity.Book("p1", 1, Opens).Status);
    }

    [Fact]
    public void AsTheWindowCloses_BookingIsRefused() =>
        AssertBookingRefused(Published(), Closes, "Booking has closed");

    [Fact]
    public void AfterTheStart_BookingIsRefused() =>
        AssertBookingRefused(Published(Details() with { BookingClosesAt = Starts }), Starts, "already started");

    [Fact]
    public void OnADraft_BookingIsRefused() =>
        AssertBookingRefused(Draft(), WhileOpen, "not open for booking");

    [Fact]
    public void OnACancelledActivity_BookingIsRefused()
    {
        var activity = Published();
        activity.Cancel("Speaker ill", At(0));

        AssertBookingRefused(activity, WhileOpen, "has been cancelled");
    }

    [Fact]
    public void OnACompletedActivity_BookingIsRefused()
    {
        var activity = Published();
        activity.Complete(Ends);

        Assert.NotNull(activity.WhyBookingIsClosed(Ends, 1));
        Assert.Throws<DomainException>(() => activity.Book("p1", 1, Ends));
    }
}
