using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>Draft → published → completed, or cancelled.</summary>
public class ActivityLifecycleTests
{
    [Fact]
    public void Publish_FromDraft_PublishesAndRecordsWhen()
    {
        var activity = Draft();

        activity.Publish(Created);

        Assert.Equal(ActivityStatus.Published, activity.Status);
        Assert.Equal(Created, activity.PublishedAt);
    }

    [Fact]
    public void Publish_Twice_IsRefused()
    {
        var activity = Published();

        Assert.Throws<DomainException>(() => activity.Publish(Created));
    }

    [Fact]
    public void Publish_OfCancelledDraft_IsRefused()
    {
        var activity = Draft();
        activity.Cancel("No longer needed", Created);

        Assert.Throws<DomainException>(() => activity.Publish(Created));
        Assert.Equal(ActivityStatus.Cancelled, activity.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void Publish_AtOrAfterTheStart_IsRefused(int minutesAfterStart)
    {
        var activity = Draft();

        Assert.Throws<DomainException>(() => activity.Publish(Starts.AddMinutes(minutesAfterStart)));
        Assert.Equal(ActivityStatus.Draft, activity.Status);
    }

    [Fact]
    public void Complete_BeforeTheEnd_IsRefused()
    {
        var activity = Published();

        Assert.Throws<DomainException>(() => activity.Complete(Ends.AddMinutes(-1)));
        Assert.Equal(ActivityStatus.Published, activity.Status);
    }

    [Fact]
    public void Complete_AtTheEnd_Completes()
    {
        var activity = Published();

        activity.Complete(Ends);

        Assert.Equal(ActivityStatus.Completed, activity.Status);
    }

    [Fact]
    public void Complete_OfDraft_IsRefused()
    {
        var activity = Draft();

        Assert.Throws<DomainException>(() => activity.Complete(Ends.AddDays(1)));
    }

    [Fact]
    public void Cancel_CancelsEveryLiveBooking_AndReturnsThemWithWhatTheyWere()
    {
        var activity = Published(Details(capacity: 1));
        var confirmed = activity.Book("p1", 1, At(1));
        var waiting = activity.Book("p2", 2, At(2));
        var alreadyCancelled = activity.Book("p3", 3, At(3));
        activity.CancelBooking(alreadyCancelled, At(4));

        var changes = activity.Cancel("Venue flooded", At(5));

        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Booking == confirmed && c.Was == BookingStatus.Confirmed);
        Assert.Contains(changes, c => c.Booking == waiting && c.Was == BookingStatus.Waitlisted);
        Assert.All(activity.Bookings, b => Assert.Equal(BookingStatus.Cancelled, b.Status));
        Assert.Equal(At(5), confirmed.StatusChangedAt);
        Assert.Equal(At(4), alreadyCancelled.StatusChangedAt);
        Assert.Equal(ActivityStatus.Cancelled, activity.Status);
        Assert.Equal("Venue flooded", activity.CancelReason);
        Assert.Equal(0, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Cancel_CancelsRequestsAwaitingApproval()
    {
        var activity = Published(Details(mode: BookingMode.Approval));
        var request = activity.Book("p1", 1, At(1));

        var changes = activity.Cancel("Venue flooded", At(2));

        Assert.Equal(BookingStatus.Requested, Assert.Single(changes).Was);
        Assert.Equal(BookingStatus.Cancelled, request.Status);
    }

    [Fact]
    public void Cancel_BumpsSequence_SoCalendarsTakeTheEventOut()
    {
        var activity = Published();
        activity.Update(Details() with { Venue = "Elsewhere" }, [1], At(0));

        activity.Cancel("Venue flooded", At(1));

        Assert.Equal(2, activity.Sequence);
    }

    [Fact]
    public void Cancel_Twice_IsRefused()
    {
        var activity = Published();
        activity.Cancel("Venue flooded", At(1));

        Assert.Throws<DomainException>(() => activity.Cancel("Again", At(2)));
        Assert.Equal(1, activity.Sequence);
        Assert.Equal("Venue flooded", activity.CancelReason);
    }

    [Fact]
    public void Cancel_OfCompletedActivity_IsRefused()
    {
        var activity = Published();
        activity.Complete(Ends);

        Assert.Throws<DomainException>(() => activity.Cancel("Too late", Ends.AddDays(1)));
        Assert.Equal(ActivityStatus.Completed, activity.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Cancel_WithoutReason_IsRefused(string reason)
    {
        var activity = Published();
        var booking = activity.Book("p1", 1, At(1));

        Assert.Throws<DomainException>(() => activity.Cancel(reason, At(2)));
        Assert.Equal(ActivityStatus.Published, activity.Status);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
    }
}
