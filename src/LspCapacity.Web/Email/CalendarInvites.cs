using System.Globalization;
using System.Text;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Web.Email;

/// <summary>
/// iCalendar for activities: REQUEST to put one in a calendar (again, with a higher SEQUENCE, when it
/// changes), CANCEL to take it out, PUBLISH for a person's subscribed feed. Times are written in
/// Europe/London with its VTIMEZONE, so calendars get the clock changes right. A REQUEST or CANCEL
/// names its organiser and its one attendee, as RFC 5546 §3.2.2 and §3.2.5 require (calendar programs
/// match the reply and the removal to the person by them); a PUBLISH names no attendee (§3.2.1).
/// </summary>
public static class CalendarInvites
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public sealed record EventInfo(int ActivityId, string Title, string Description, DateTime StartsAt, DateTime EndsAt,
        string? Location, int Sequence, string Url, bool Cancelled);

    public static EventInfo From(Activity activity, string? location, string url) =>
        new(activity.Id, activity.Title, activity.Description, activity.StartsAt, activity.EndsAt, location, activity.Sequence, url,
            activity.Status == ActivityStatus.Cancelled);

    /// <summary>Who sends the invitations, and when (DTSTAMP).</summary>
    public sealed record Organiser(string Domain, string Email, string Name, DateTime Now);

    /// <summary>The person an invitation is for, and their part in it (RFC 5545 §3.2.12 PARTSTAT).</summary>
    public sealed record Attendee(string Email, string Name, ParticipationStatus Status);

    public enum ParticipationStatus
    {
        /// <summary>They hold a confirmed place.</summary>
        Accepted,

        /// <summary>Their place has been given up or taken away.</summary>
        Declined,
    }

    public static string Request(EventInfo info, Organiser organiser, Attendee attendee) =>
        Serialize("REQUEST", [info], organiser, attendee, cancelled: false);

    public static string Cancel(EventInfo info, Organiser organiser, Attendee attendee) =>
        Serialize("CANCEL", [info], organiser, attendee, cancelled: true);

    public static string Feed(IEnumerable<EventInfo> events, Organiser organiser) => Serialize("PUBLISH", events, organiser, attendee: null, cancelled: null);

    public static string Uid(int activityId, string domain) => $"activity-{activityId}@{domain}";

    /// <summary>
    /// Europe/London as RFC 5545 §3.6.5 wants it: the GMT and BST rules, so calendar programs that do not
    /// know the IANA name still get the clock changes right. These are the rules in force since 1996
    /// (the last Sundays of March and October); no activity is older.
    /// </summary>
    private static readonly string[] EuropeLondon =
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "BEGIN:DAYLIGHT",
        "DTSTART:19960331T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "TZNAME:BST",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "TZNAME:GMT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];

    // Written directly rather than through an object model: an invitation goes with every booking and
    // is composed while the booking holds the database's write lock (measured: a general-purpose
    // iCalendar library took about a sixth of that time). The tests read every kind back with Ical.Net.
    private static string Serialize(string method, IEnumerable<EventInfo> events, Organiser organiser, Attendee? attendee, bool? cancelled)
    {
        var ics = new StringBuilder(2048);
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//LspCapacity//Capacity Building Programme//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, $"METHOD:{method}");
        foreach (var line in EuropeLondon)
        {
            Line(ics, line);
        }
        var stamp = DateTime.SpecifyKind(organiser.Now, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var info in events)
        {
            var isCancelled = cancelled ?? info.Cancelled;
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:{Uid(info.ActivityId, organiser.Domain)}");
            Line(ics, $"DTSTAMP:{stamp}");
            Line(ics, $"DTSTART;TZID={UkTime.Zone.Id}:{Local(info.StartsAt)}");
            Line(ics, $"DTEND;TZID={UkTime.Zone.Id}:{Local(info.EndsAt)}");
            Line(ics, $"SEQUENCE:{info.Sequence.ToString(CultureInfo.InvariantCulture)}");
            Line(ics, $"SUMMARY:{Text(info.Title)}");
            Line(ics, $"DESCRIPTION:{Text(string.IsNullOrWhiteSpace(info.Description) ? info.Url : $"{info.Description}\n\n{info.Url}")}");
            if (!string.IsNullOrEmpty(info.Location))
            {
                Line(ics, $"LOCATION:{Text(info.Location)}");
            }
            Line(ics, $"URL:{new Uri(info.Url).AbsoluteUri}");
            Line(ics, $"STATUS:{(isCancelled ? "CANCELLED" : "CONFIRMED")}");
            Line(ics, $"ORGANIZER;CN={ParameterValue(organiser.Name)}:mailto:{organiser.Email}");
            if (attendee is not null)
            {
                var partStat = attendee.Status == ParticipationStatus.Accepted ? "ACCEPTED" : "DECLINED";
                // RSVP=FALSE: the place was booked on the site, so no reply is asked for.
                Line(ics, $"ATTENDEE;CN={ParameterValue(attendee.Name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partStat};RSVP=FALSE:mailto:{attendee.Email}");
            }
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>UK wall-clock time, for a DTSTART or DTEND with TZID=Europe/London.</summary>
    private static string Local(DateTime utc) => UkTime.ToUk(utc).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped.</summary>
    private static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace('\r', '\n')
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A parameter value (RFC 5545 §3.2): quoted, as it may hold a comma, colon or semicolon; it cannot hold a quote.</summary>
    private static string ParameterValue(string value) => $"\"{value.Replace("\"", "'", StringComparison.Ordinal)}\"";

    /// <summary>Writes one content line, folded at 75 octets of UTF-8 (RFC 5545 §3.1) without splitting a character.</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var width = c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsHighSurrogate(c) && i + 1 < line.Length ? 4 : 3;
            if (octets + width > 75)
            {
                ics.Append("\r\n ");
                octets = 1; // the space that marks the continuation
            }
            ics.Append(line[i]);
            if (width == 4)
            {
                ics.Append(line[++i]);
            }
            octets += width;
        }
        ics.Append("\r\n");
    }
}
