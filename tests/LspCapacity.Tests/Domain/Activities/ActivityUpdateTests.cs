using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>Changing a scheduled activity: SEQUENCE goes up exactly when attendees' calendars must change.</summary>
public class ActivityUpdateTests
{
    public static TheoryData<string> CalendarChanges => ["start", "end", "venue", "title", "host"];

    private static ActivityDetails Changed(string what) => what switch
    {
        "start" => Details() with { StartsAt = Starts.AddHours(1) },
        "end" => Details() with { EndsAt = Ends.AddHours(1) },
        "venue" => Details() with { Venue = "Bradford City Hall" },
        "title" => Details() with { Title = "Safeguarding in practice: part 2" },
        "host" => Details() with { HostPartnershipId = 7 },
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(CalendarChanges))]
    public void Update_OfPublishedActivity_ChangingWhatCalendarsShow_BumpsSequence(string what)
    {
        var activity = Published();

        var calendarsMustChange = activity.Update(Changed(what), [1], At(0)).CalendarChanged;

        Assert.True(calendarsMustChange);
        Assert.Equal(1, activity.Sequence);
    }

    [Fact]
    public void Update_OfPublishedActivity_BumpsSequenceOnEveryCalendarChange()
    {
        var activity = Published();

        activity.Update(Changed("venue"), [1], At(0));
        activity.Update(Changed("venue") with { Title = "Renamed" }, [1], At(0));

        Assert.Equal(2, activity.Sequence);
    }

    [Fact]
    public void Update_ChangingOnlyTheDescription_DoesNotBumpSequence()
    {
        var activity = Published();

        var calendarsMustChange = activity.Update(Details() with { Description = "Bring a laptop." }, [1], At(0)).CalendarChanged;

        Assert.False(calendarsMustChange);
        Assert.Equal(0, activity.Sequence);
        Assert.Equal("Bring a laptop.", activity.Description);
    }

    [Fact]
    public void Update_WithTheSameValuesAsTyped_DoesNotBumpSequence()
    {
        // Stored values are trimmed; a form that sends them back with stray spaces has not changed them.
        var activity = Published(Details() with { Title = "Safeguarding in practice", Venue = "Leeds Civic Hall" });

        var calendarsMustChange = activity.Update(Details() with { Title = " Safeguarding in practice ", Venue = "Leeds Civic Hall  " }, [1], At(0)).CalendarChanged;

        Assert.False(calendarsMustChange);
        Assert.Equal(0, activity.Sequence);
    }

    [Fact]
    public void Update_OfDraft_ChangingTheTime_DoesNotBumpSequence()
    {
        // Nobody has the draft in a calendar yet.
        var activity = Draft();

        var calendarsMustChange = activity.Update(Changed("start"), [1], At(0)).CalendarChanged;

        Assert.False(calendarsMustChange);
        Assert.Equal(0, activity.Sequence);
        Assert.Equal(Starts.AddHours(1), activity.StartsAt);
    }

    [Fact]
    public void Update_CapacityBelowConfirmedPlaces_IsRefused()
    {
        var activity = Published(Details(capacity: 5));
        activity.Book("p1", 1, At(1));
        activity.Book("p2", 2, At(2));
        activity.Book("p3", 3, At(3));

        var error = Assert.Throws<DomainException>(() => activity.Update(Details(capacity: 2), [1], At(0)));

        Assert.Contains("3 places already confirmed", error.Message);
        Assert.Equal(5, activity.Capacity);
    }

    [Fact]
    public void Update_CapacityDownToConfirmedPlaces_IsAccepted()
    {
        var activity = Published(Details(capacity: 5));
        activity.Book("p1", 1, At(1));
        activity.Book("p2", 2, At(2));
        activity.Book("p3", 3, At(3));

        activity.Update(Details(capacity: 3), [1], At(0));

        Assert.Equal(3, activity.Capacity);
        Assert.Equal(0, activity.PlacesLeft);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Update_OfCancelledActivity_IsRefused()
    {
        var activity = Published();
        activity.Cancel("Speaker ill", At(0));

        Assert.Throws<DomainException>(() => activity.Update(Details() with { Description = "New" }, [1], At(0)));
    }

    [Fact]
    public void Update_OfCompletedActivity_IsRefused()
    {
        var activity = Published();
        activity.Complete(Ends);

        Assert.Throws<DomainException>(() => activity.Update(Details() with { Description = "New" }, [1], At(0)));
    }
}
