using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Web.Email;

/// <summary>
/// iCalendar for activities: REQUEST to put one in a calendar (again, with a higher SEQUENCE, when it
/// changes), CANCEL to take it out, PUBLISH for a person's subscribed feed. Times are written in
/// Europe/London with its VTIMEZONE, so calendars get the clock changes right.
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

    public static string Request(EventInfo info, Organiser organiser) => Serialize("REQUEST", [info], organiser, cancelled: false);

    public static string Cancel(EventInfo info, Organiser organiser) => Serialize("CANCEL", [info], organiser, cancelled: true);

    public static string Feed(IEnumerable<EventInfo> events, Organiser organiser) => Serialize("PUBLISH", events, organiser, cancelled: null);

    public static string Uid(int activityId, string domain) => $"activity-{activityId}@{domain}";

    private static string Serialize(string method, IEnumerable<EventInfo> events, Organiser organiser, bool? cancelled)
    {
        var calendar = new Calendar { Method = method, ProductId = "-//LspCapacity//Capacity Building Programme//EN" };
        var list = events.ToList();
        // FromDateTimeZone writes the GMT/BST rules (STANDARD and DAYLIGHT): a bare new VTimeZone(id)
        // has only the TZID, which RFC 5545 does not allow and calendars that do not know the IANA name cannot use.
        // The rules start a year before the earliest date given, which must not be in the future: Ical.Net
        // reads the zone's history only up to the present.
        var earliest = list.Select(e => e.StartsAt).Append(organiser.Now).Min();
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(UkTime.Zone.Id, earliest, includeHistoricalData: false));
        foreach (var info in list)
        {
            var isCancelled = cancelled ?? info.Cancelled;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(info.ActivityId, organiser.Domain),
                Sequence = info.Sequence,
                Summary = info.Title,
                Description = string.IsNullOrWhiteSpace(info.Description) ? info.Url : $"{info.Description}\n\n{info.Url}",
                Location = info.Location,
                Url = new Uri(info.Url),
                Start = Local(info.StartsAt),
                End = Local(info.EndsAt),
                Status = isCancelled ? "CANCELLED" : "CONFIRMED",
                Organizer = new Organizer($"mailto:{organiser.Email}") { CommonName = organiser.Name },
                DtStamp = new CalDateTime(DateTime.SpecifyKind(organiser.Now, DateTimeKind.Utc)),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Local(DateTime utc)
    {
        var uk = UkTime.ToUk(utc);
        return new CalDateTime(uk.Year, uk.Month, uk.Day, uk.Hour, uk.Minute, uk.Second, UkTime.Zone.Id);
    }
}
