using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>What a coordinator may schedule: each refusal is checked by its message, so a test passes only when its own rule fires.</summary>
public class ActivitySchedulingRulesTests
{
    private static void AssertRefused(ActivityDetails details, string because, IEnumerable<int>? themes = null)
    {
        var error = Assert.Throws<DomainException>(() => new Activity(1, details, themes ?? [1], Created));
        Assert.Contains(because, error.Message);
    }

    [Fact]
    public void ValidDetails_AreAccepted_AsADraft()
    {
        var activity = new Activity(1, Details(capacity: 12, partnershipCap: 3), [1, 2], Created);

        Assert.Equal(ActivityStatus.Draft, activity.Status);
        Assert.Equal(Starts, activity.StartsAt);
        Assert.Equal(12, activity.Capacity);
        Assert.Equal(3, activity.PartnershipCap);
        Assert.Equal([1, 2], activity.Themes.Select(t => t.ThemeId).Order());
        Assert.Equal(0, activity.Sequence);
    }

    [Fact]
    public void EndBeforeStart_IsRefused() =>
        AssertRefused(Details() with { EndsAt = Starts.AddMinutes(-1) }, "end must be after the start");

    [Fact]
    public void EndAtStart_IsRefused() =>
        AssertRefused(Details() with { EndsAt = Starts }, "end must be after the start");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void CapacityBelowOne_IsRefused(int capacity) =>
        AssertRefused(Details(capacity: capacity), "Capacity must be at least 1");

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(11)]
    public void PartnershipCapOutsideOneToCapacity_IsRefused(int cap) =>
        AssertRefused(Details(capacity: 10, partnershipCap: cap), "places per partnership must be between 1 and the capacity");

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void PartnershipCapAtEitherEndOfTheRange_IsAccepted(int cap) =>
        Assert.Equal(cap, Draft(Details(capacity: 10, partnershipCap: cap)).PartnershipCap);

    [Fact]
    public void BookingClosingBeforeItOpens_IsRefused() =>
        AssertRefused(Details() with { BookingClosesAt = Opens.AddHours(-1) }, "Booking must close after it opens");

    [Fact]
    public void BookingClosingWhenItOpens_IsRefused() =>
        AssertRefused(Details() with { BookingClosesAt = Opens }, "Booking must close after it opens");

    [Fact]
    public void BookingClosingAfterTheStart_IsRefused() =>
        AssertRefused(Details() with { BookingClosesAt = Starts.AddMinutes(1) }, "Booking must close by the time the activity starts");

    [Fact]
    public void BookingClosingAtTheStart_IsAccepted() =>
        Assert.Equal(Starts, Draft(Details() with { BookingClosesAt = Starts }).BookingClosesAt);

    [Theory]
    [InlineData(-1)] // before booking opens
    [InlineData(0)] // as booking opens: a window that lets nobody in
    public void PriorityWindowEndingBeforeBookingIsOpen_IsRefused(int hoursFromOpening) =>
        AssertRefused(Details(priorityUntil: Opens.AddHours(hoursFromOpening)), "priority window must end while booking is open");

    [Theory]
    [InlineData(0)] // as booking closes: everyone else would never get a chance
    [InlineData(1)]
    public void PriorityWindowEndingWhenBookingHasClosed_IsRefused(int hoursFromClosing) =>
        AssertRefused(Details(priorityUntil: Closes.AddHours(hoursFromClosing)), "priority window must end while booking is open");

    [Fact]
    public void PriorityWindowEndingWhileBookingIsOpen_IsAccepted() =>
        Assert.Equal(WhileOpen, Draft(Details(priorityUntil: WhileOpen)).PriorityUntil);

    [Fact]
    public void MinimumNumberWithoutCutoff_IsRefused() =>
        AssertRefused(Details() with { MinimumNumber = 4 }, "both a minimum number and its cut-off");

    [Fact]
    public void CutoffWithoutMinimumNumber_IsRefused() =>
        AssertRefused(Details() with { MinimumCutoff = Closes }, "both a minimum number and its cut-off");

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void MinimumNumberOutsideOneToCapacity_IsRefused(int minimum) =>
        AssertRefused(Details(capacity: 10) with { MinimumNumber = minimum, MinimumCutoff = Closes },
            "minimum number must be between 1 and the capacity");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void CutoffAtOrAfterTheStart_IsRefused(int minutesAfterStart) =>
        AssertRefused(Details() with { MinimumNumber = 4, MinimumCutoff = Starts.AddMinutes(minutesAfterStart) },
            "cut-off for the minimum number must be before the start");

    [Fact]
    public void MinimumNumberWithCutoffBeforeTheStart_IsAccepted()
    {
        var activity = Draft(Details() with { MinimumNumber = 4, MinimumCutoff = Starts.AddDays(-7) });

        Assert.Equal(4, activity.MinimumNumber);
        Assert.Equal(Starts.AddDays(-7), activity.MinimumCutoff);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NeitherVenueNorHostPartnership_IsRefused(string? venue) =>
        AssertRefused(Details() with { Venue = venue, HostPartnershipId = null }, "Give a venue or a host partnership");

    [Fact]
    public void HostPartnershipWithoutVenue_IsAccepted()
    {
        var activity = Draft(Details() with { Venue = null, HostPartnershipId = 7 });

        Assert.Null(activity.Venue);
        Assert.Equal(7, activity.HostPartnershipId);
    }

    [Fact]
    public void NoTheme_IsRefused() => AssertRefused(Details(), "at least one theme", themes: []);

    [Fact]
    public void Themes_AreReplacedNotAdded_OnUpdate()
    {
        var activity = new Activity(1, Details(), [1, 2], Created);

        activity.Update(Details(), [2, 3, 3], At(0));

        Assert.Equal([2, 3], activity.Themes.Select(t => t.ThemeId).Order());
    }

    [Fact]
    public void Update_WithNoTheme_IsRefused()
    {
        var activity = Draft();

        var error = Assert.Throws<DomainException>(() => activity.Update(Details(), [], At(0)));
        Assert.Contains("at least one theme", error.Message);
    }
}
