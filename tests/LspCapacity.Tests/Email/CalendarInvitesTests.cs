using Ical.Net;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Email;

/// <summary>
/// The iCalendar text is read back with Ical.Net, as a calendar program would. The clocks go forward on
/// 29 March 2026: 10am UK time is 10:00 UTC on the 28th and 09:00 UTC on the 30th.
/// </summary>
public class CalendarInvitesTests
{
    private const string Domain = "lsp.example.org";
    private const string Url = "https://lsp.example.org/activities/42";
    private static readonly CalendarInvites.Organiser Organiser = new(Domain, "noreply@lsp.example.org", "LSP Capacity Building", Utc(2026, 3, 1, 12));
    private static readonly CalendarInvites.Attendee Attendee = new("ann.walker@walsall.example", "Ann Walker", CalendarInvites.ParticipationStatus.Accepted);

    /// <summary>A published activity in March 2026, either side of the clock change.</summary>
    private static Activity ActivityOn(DateTime startsAt, DateTime endsAt, string title = "Study visit to Bradford")
    {
        var details = Details() with
        {
            Title = title,
            StartsAt = startsAt,
            EndsAt = endsAt,
            BookingOpensAt = Utc(2026, 2, 1, 9),
            BookingClosesAt = Utc(2026, 3, 27, 17),
        };
        var activity = new Activity(1, details, [1], Utc(2026, 1, 15, 9));
        activity.Publish(Utc(2026, 1, 15, 9));
        return activity;
    }

    private static Activity GmtActivity() => ActivityOn(Utc(2026, 3, 28, 10), Utc(2026, 3, 28, 16));

    private static Activity BstActivity() => ActivityOn(Utc(2026, 3, 30, 9), Utc(2026, 3, 30, 15));

    private static CalendarInvites.EventInfo Info(Activity activity, int id = 42) =>
        CalendarInvites.From(activity, "Leeds Civic Hall", Url) with { ActivityId = id };

    private static Calendar Parse(string ics)
    {
        var calendar = Calendar.Load(ics);
        Assert.NotNull(calendar);
        return calendar;
    }

    [Fact]
    public void Request_DescribesTheActivity()
    {
        var calendar = Parse(CalendarInvites.Request(Info(GmtActivity()), Organiser, Attendee));

        Assert.Equal("REQUEST", calendar.Method);
        var evt = Assert.Single(calendar.Events);
        Assert.Equal("activity-42@lsp.example.org", evt.Uid);
        Assert.Equal(0, evt.Sequence);
        Assert.Equal("CONFIRMED", evt.Status);
        Assert.Equal("Study visit to Bradford", evt.Summary);
        Assert.Equal("Leeds Civic Hall", evt.Location);
        Assert.Equal(new Uri(Url), evt.Url);
        Assert.Contains(Url, evt.Description);
        Assert.Equal("mailto:noreply@lsp.example.org", evt.Organizer?.Value?.ToString());
    }

    [Fact]
    public void Request_InGmt_WritesUkWallClockTime_InEuropeLondon()
    {
        var ics = CalendarInvites.Request(Info(GmtActivity()), Organiser, Attendee);
        var evt = Assert.Single(Parse(ics).Events);

        Assert.Equal("Europe/London", evt.Start?.TzId);
        Assert.Equal(new DateTime(2026, 3, 28, 10, 0, 0), evt.Start?.Value);
        Assert.Equal("Europe/London", evt.End?.TzId);
        Assert.Equal(new DateTime(2026, 3, 28, 16, 0, 0), evt.End?.Value);
        Assert.Equal(Utc(2026, 3, 28, 10), evt.Start?.AsUtc);
        Assert.Contains("DTSTART;TZID=Europe/London:20260328T100000", ics);
    }

    [Fact]
    public void Request_InBst_WritesUkWallClockTime_InEuropeLondon()
    {
        var ics = CalendarInvites.Request(Info(BstActivity()), Organiser, Attendee);
        var evt = Assert.Single(Parse(ics).Events);

        Assert.Equal("Europe/London", evt.Start?.TzId);
        Assert.Equal(new DateTime(2026, 3, 30, 10, 0, 0), evt.Start?.Value);
        Assert.Equal("Europe/London", evt.End?.TzId);
        Assert.Equal(new DateTime(2026, 3, 30, 16, 0, 0), evt.End?.Value);
        Assert.Equal(Utc(2026, 3, 30, 9), evt.Start?.AsUtc);
        Assert.Equal(Utc(2026, 3, 30, 15), evt.End?.AsUtc);
        Assert.Contains("DTSTART;TZID=Europe/London:20260330T100000", ics);
    }

    [Fact]
    public void Request_IncludesTheEuropeLondonTimeZone_WithBothGmtAndBst()
    {
        // RFC 5545 §3.6.5: a VTIMEZONE needs a STANDARD or DAYLIGHT rule; calendar programs that do not
        // know the IANA name work the offsets out from these.
        var calendar = Parse(CalendarInvites.Request(Info(BstActivity()), Organiser, Attendee));

        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/London", zone.TzId);
        var standard = Assert.Single(zone.TimeZoneInfos, i => i.Name == Components.Standard);
        var daylight = Assert.Single(zone.TimeZoneInfos, i => i.Name == Components.Daylight);
        Assert.Equal(TimeSpan.FromHours(1), standard.OffsetFrom?.Offset);
        Assert.Equal(TimeSpan.Zero, standard.OffsetTo?.Offset);
        Assert.Equal(TimeSpan.Zero, daylight.OffsetFrom?.Offset);
        Assert.Equal(TimeSpan.FromHours(1), daylight.OffsetTo?.Offset);
        // The rules must already be in force on the event's date.
        Assert.True(daylight.Start?.Value <= new DateTime(2026, 3, 29, 1, 0, 0), $"BST rule starts {daylight.Start}");
        Assert.Equal(3, Assert.Single(daylight.RecurrenceRule!.ByMonth));
        Assert.Equal(10, Assert.Single(standard.RecurrenceRule!.ByMonth));
    }

    [Fact]
    public void Feed_OfEventsLongAgo_HasTimeZoneRulesInForceForThem()
    {
        var old = Info(ActivityOn(Utc(2026, 3, 28, 10), Utc(2026, 3, 28, 16))) with
        {
            StartsAt = Utc(2019, 7, 1, 9),
            EndsAt = Utc(2019, 7, 1, 15),
        };

        var calendar = Parse(CalendarInvites.Feed([old], Organiser));

        var daylight = Assert.Single(Assert.Single(calendar.TimeZones).TimeZoneInfos, i => i.Name == Components.Daylight);
        Assert.True(daylight.Start?.Value <= new DateTime(2019, 7, 1, 10, 0, 0), $"BST rule starts {daylight.Start}");
        Assert.Equal(new DateTime(2019, 7, 1, 10, 0, 0), Assert.Single(calendar.Events).Start?.Value);
    }

    [Fact]
    public void Request_AfterAChange_KeepsTheUid_WithAHigherSequence()
    {
        var activity = BstActivity();
        var before = Assert.Single(Parse(CalendarInvites.Request(Info(activity), Organiser, Attendee)).Events);

        activity.Update(Details() with
        {
            Title = activity.Title,
            StartsAt = activity.StartsAt.AddHours(1),
            EndsAt = activity.EndsAt,
            BookingOpensAt = activity.BookingOpensAt,
            BookingClosesAt = activity.BookingClosesAt,
        }, [1], Utc(2026, 3, 1, 12));
        var after = Assert.Single(Parse(CalendarInvites.Request(Info(activity), Organiser, Attendee)).Events);

        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(0, before.Sequence);
        Assert.Equal(1, after.Sequence);
        Assert.Equal(new DateTime(2026, 3, 30, 11, 0, 0), after.Start?.Value);
    }

    [Fact]
    public void Uid_NamesTheActivityAndDomain()
    {
        Assert.Equal("activity-7@lsp.example.org", CalendarInvites.Uid(7, Domain));
        var activity = GmtActivity();
        Assert.Equal(CalendarInvites.Uid(activity.Id, Domain), activity.CalendarUid(Domain));
    }

    [Fact]
    public void Cancel_TakesTheSameEventOut_WithAHigherSequence()
    {
        var activity = GmtActivity();
        var request = Assert.Single(Parse(CalendarInvites.Request(Info(activity), Organiser, Attendee)).Events);
        activity.Cancel("Speaker ill", Utc(2026, 3, 20, 9));

        var calendar = Parse(CalendarInvites.Cancel(Info(activity), Organiser, Attendee));

        Assert.Equal("CANCEL", calendar.Method);
        var evt = Assert.Single(calendar.Events);
        Assert.Equal(request.Uid, evt.Uid);
        Assert.Equal(1, evt.Sequence);
        Assert.Equal("CANCELLED", evt.Status);
        Assert.Equal("Study visit to Bradford", evt.Summary);
        Assert.Equal("Leeds Civic Hall", evt.Location);
        Assert.Equal(new DateTime(2026, 3, 28, 10, 0, 0), evt.Start?.Value);
        Assert.Equal("Europe/London", evt.Start?.TzId);
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);
    }

    [Fact]
    public void Cancel_OfOneBooking_IsCancelledEvenWhileTheActivityGoesAhead()
    {
        var calendar = Parse(CalendarInvites.Cancel(Info(GmtActivity()), Organiser, Attendee));

        Assert.Equal("CANCELLED", Assert.Single(calendar.Events).Status);
    }

    [Fact]
    public void Feed_PublishesEveryEvent_WithItsOwnStatus()
    {
        var cancelled = BstActivity();
        cancelled.Cancel("Speaker ill", Utc(2026, 3, 20, 9));
        var events = new[]
        {
            Info(GmtActivity(), id: 1),
            Info(cancelled, id: 2),
            Info(ActivityOn(Utc(2026, 6, 10, 9), Utc(2026, 6, 11, 15), "Summer showcase"), id: 3) with { Location = null },
        };

        var calendar = Parse(CalendarInvites.Feed(events, Organiser));

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(3, calendar.Events.Count);
        var byUid = calendar.Events.ToDictionary(e => e.Uid!);
        Assert.Equal(["activity-1@lsp.example.org", "activity-2@lsp.example.org", "activity-3@lsp.example.org"], byUid.Keys.Order());
        Assert.Equal("CONFIRMED", byUid["activity-1@lsp.example.org"].Status);
        Assert.Equal("CANCELLED", byUid["activity-2@lsp.example.org"].Status);
        Assert.Equal(1, byUid["activity-2@lsp.example.org"].Sequence);
        var summer = byUid["activity-3@lsp.example.org"];
        Assert.Equal("Summer showcase", summer.Summary);
        Assert.Null(summer.Location);
        Assert.Equal(new DateTime(2026, 6, 10, 10, 0, 0), summer.Start?.Value);
        Assert.Equal(new DateTime(2026, 6, 11, 16, 0, 0), summer.End?.Value);
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);
    }

    [Fact]
    public void Request_WithPunctuationAndLineBreaks_ReadsBackWordForWord()
    {
        var info = Info(GmtActivity()) with
        {
            Title = "Commissioning; pooling, and \\ aligning budgets",
            Description = "Bring:\r\n- your LAA targets, and\n- a colleague; or two",
            Location = "Room 4, Civic Hall; Leeds",
        };

        var evt = Assert.Single(Parse(CalendarInvites.Request(info, Organiser, Attendee)).Events);

        Assert.Equal(info.Title, evt.Summary);
        Assert.Equal($"Bring:\n- your LAA targets, and\n- a colleague; or two\n\n{Url}", evt.Description);
        Assert.Equal(info.Location, evt.Location);
    }

    [Fact]
    public void Request_FoldsLongLinesAt75Octets_WithoutSplittingACharacter()
    {
        // "é" and "’" take two and three octets in UTF-8, the emoji four: a fold that ignored that would
        // split a character or leave a line too long.
        var title = string.Concat(Enumerable.Repeat("Café’s regeneración 🏙 workshop — ", 8)).Trim();
        var ics = CalendarInvites.Request(Info(GmtActivity()) with { Title = title }, Organiser, Attendee);

        var lines = ics.Split("\r\n");
        Assert.All(lines, line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"{line.Length} characters: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.Equal(title, Assert.Single(Parse(ics).Events).Summary);
    }

    [Fact]
    public void Request_NamesTheOrganiser_AndTheAttendeeWithTheirPart()
    {
        // RFC 5546 §3.2.2: a REQUEST has an ORGANIZER and at least one ATTENDEE.
        var ics = CalendarInvites.Request(Info(GmtActivity()), Organiser, Attendee);

        var evt = Assert.Single(Parse(ics).Events);
        Assert.Equal("mailto:noreply@lsp.example.org", evt.Organizer?.Value?.ToString());
        Assert.Equal("LSP Capacity Building", evt.Organizer?.CommonName);
        var attendee = Assert.Single(evt.Attendees);
        Assert.Equal("mailto:ann.walker@walsall.example", attendee.Value?.ToString());
        Assert.Equal("Ann Walker", attendee.CommonName);
        Assert.Equal("ACCEPTED", attendee.ParticipationStatus);
        Assert.Equal("REQ-PARTICIPANT", attendee.Role);
        Assert.False(attendee.Rsvp);
    }

    [Fact]
    public void Cancel_NamesTheOrganiser_AndTheAttendeeBeingRemoved()
    {
        // RFC 5546 §3.2.5: a CANCEL names the attendees it removes.
        var declined = Attendee with { Status = CalendarInvites.ParticipationStatus.Declined };
        var ics = CalendarInvites.Cancel(Info(GmtActivity()), Organiser, declined);

        var evt = Assert.Single(Parse(ics).Events);
        Assert.Equal("mailto:noreply@lsp.example.org", evt.Organizer?.Value?.ToString());
        var attendee = Assert.Single(evt.Attendees);
        Assert.Equal("mailto:ann.walker@walsall.example", attendee.Value?.ToString());
        Assert.Equal("DECLINED", attendee.ParticipationStatus);
    }

    [Fact]
    public void Feed_WithNoEvents_IsAnEmptyCalendar()
    {
        var calendar = Parse(CalendarInvites.Feed([], Organiser));

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Empty(calendar.Events);
    }
}
