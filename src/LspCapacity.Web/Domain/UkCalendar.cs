using System.Globalization;

namespace LspCapacity.Web.Domain;

/// <summary>
/// The programme's calendar: it runs in UK time. Times are stored in UTC; days, deadlines and the dates
/// in the domain's own messages are Europe/London's, written in en-GB. Owned by the domain, which needs
/// nothing from outside it for this (pages and emails use it through Infrastructure.UkTime).
/// </summary>
public static class UkCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static System.DateTime ToUk(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time in the UK to UTC. An hour skipped by the clocks going forward is moved on by an hour.</summary>
    public static System.DateTime ToUtc(System.DateTime ukLocal)
    {
        var local = System.DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToUk(clock.GetUtcNow().UtcDateTime));

    /// <summary>"25 November 2026"</summary>
    public static string Date(System.DateTime utc) => ToUk(utc).ToString("d MMMM yyyy", Culture);

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", Culture);

    /// <summary>"25 November 2026 at 2:30pm", "… at midday", "… at midnight" — the GOV.UK style for times.</summary>
    public static string DateTime(System.DateTime utc)
    {
        var uk = ToUk(utc);
        return $"{uk.ToString("d MMMM yyyy", Culture)} at {Time(uk)}";
    }

    /// <summary>
    /// The end of a period, for "until …": a period that ends at midnight ends with the day before it,
    /// so "the end of 9 December 2026" rather than "10 December 2026 at midnight", which people read as
    /// either day. Any other time is written as <see cref="DateTime(System.DateTime)"/>.
    /// </summary>
    public static string Until(System.DateTime utc)
    {
        var uk = ToUk(utc);
        return uk.TimeOfDay == TimeSpan.Zero ? $"the end of {uk.AddDays(-1).ToString("d MMMM yyyy", Culture)}" : DateTime(utc);
    }

    private static string Time(System.DateTime uk)
    {
        if (uk.Minute == 0 && uk.Hour is 0 or 12)
        {
            return uk.Hour == 0 ? "midnight" : "midday";
        }
        var hour = uk.Hour % 12 == 0 ? 12 : uk.Hour % 12;
        var suffix = uk.Hour < 12 ? "am" : "pm";
        return uk.Minute == 0 ? $"{hour}{suffix}" : $"{hour}:{uk.Minute:00}{suffix}";
    }
}
