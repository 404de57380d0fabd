using Ical.Net;
using LspCapacity.Web.Email;

namespace LspCapacity.Tests.Email;

public class CalendarInvitesTests
{
    private static readonly CalendarInvites.Organiser Organiser = new("lsp.example", "programme@lsp.example", "Programme", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));

    private static CalendarInvites.EventInfo Event(DateTime startsUtc, int sequence = 0) =>
        new(42, "Clock change seminar", "About the clocks.", startsUtc, startsUtc.AddHours(2), "Walsall", sequence, "http://localhost/activities/42", false);

    [Theory]
    [InlineData("2026-03-28T10:00:00Z")] // Saturday, GMT: 10:00 UTC is 10am in London
    [InlineData("2026-03-30T09:00:00Z")] // Monday, BST: 09:00 UTC is 10am in London
    public void Request_WritesUkWallClockTime_WithTheLondonZone_EitherSideOfTheClockChange(string startsUtc)
    {
        var starts = DateTime.Parse(startsUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var calendar = Calendar.Load(CalendarInvites.Request(Event(starts), Organiser))!;

        var calendarEvent = calendar.Events.Single();
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("activity-42@lsp.example", calendarEvent.Uid);
        Assert.Equal(10, calendarEvent.Start!.Hour);
        Assert.Equal("Europe/London", calendarEvent.Start.TzId);
        Assert.Equal(12, calendarEvent.End!.Hour);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/London");
    }

    [Fact]
    public void Cancel_KeepsTheUid_AndCarriesTheSequence()
    {
        var calendar = Calendar.Load(CalendarInvites.Cancel(Event(new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc), sequence: 3), Organiser))!;

        Assert.Equal("CANCEL", calendar.Method);
        var calendarEvent = calendar.Events.Single();
        Assert.Equal("activity-42@lsp.example", calendarEvent.Uid);
        Assert.Equal(3, calendarEvent.Sequence);
        Assert.Equal("CANCELLED", calendarEvent.Status);
    }
}
