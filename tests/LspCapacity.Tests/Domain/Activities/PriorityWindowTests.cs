using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>Until PriorityUntil, only the listed partnerships (high need in the themes) may book.</summary>
public class PriorityWindowTests
{
    private const int HighNeed = 1;
    private const int Other = 2;
    private static readonly DateTime PriorityEnds = Opens.AddDays(7);

    private static Activity WithPriorityWindow() => Published(Details(priorityUntil: PriorityEnds), priorityPartnerships: [HighNeed]);

    [Fact]
    public void DuringTheWindow_AListedPartnership_Books_MarkedAsPriority()
    {
        var activity = WithPriorityWindow();

        var booking = activity.Book("p1", HighNeed, Opens.AddDays(1));

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.True(booking.BookedInPriorityWindow);
        Assert.True(activity.IsPriorityWindow(Opens.AddDays(1)));
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void DuringTheWindow_AnotherPartnership_IsRefused()
    {
        var activity = WithPriorityWindow();

        var error = Assert.Throws<DomainException>(() => activity.Book("p2", Other, PriorityEnds.AddMinutes(-1)));

        // 8 May 2026 09:00 UTC is 10am in the UK.
        Assert.Contains("Until 8 May 2026 at 10am, places are kept", error.Message);
        Assert.Empty(activity.Bookings);
    }

    [Fact]
    public void DuringTheWindow_SomeoneWithoutAPartnership_IsRefused()
    {
        var activity = WithPriorityWindow();

        Assert.NotNull(activity.WhyBookingIsClosed(Opens.AddDays(1), null));
        Assert.Throws<DomainException>(() => activity.Book("p2", null, Opens.AddDays(1)));
    }

    [Fact]
    public void AfterTheWindow_AnotherPartnership_Books_NotMarkedAsPriority()
    {
        var activity = WithPriorityWindow();

        var booking = activity.Book("p2", Other, PriorityEnds);

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.False(booking.BookedInPriorityWindow);
        Assert.False(activity.IsPriorityWindow(PriorityEnds));
    }

    [Fact]
    public void WithNoListedPartnerships_ThereIsNoPriorityWindow()
    {
        var activity = Published(Details(priorityUntil: PriorityEnds));

        var booking = activity.Book("p2", Other, Opens.AddDays(1));

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.False(booking.BookedInPriorityWindow);
    }
}
