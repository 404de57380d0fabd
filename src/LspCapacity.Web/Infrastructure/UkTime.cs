using System.Globalization;
using LspCapacity.Web.Domain;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// Times are stored in UTC and shown in Europe/London, in en-GB formats: the domain's
/// <see cref="UkCalendar"/>, under the name pages, emails and jobs use.
/// </summary>
public static class UkTime
{
    public static TimeZoneInfo Zone => UkCalendar.Zone;
    public static CultureInfo Culture => UkCalendar.Culture;

    public static System.DateTime ToUk(System.DateTime utc) => UkCalendar.ToUk(utc);

    /// <inheritdoc cref="UkCalendar.ToUtc"/>
    public static System.DateTime ToUtc(System.DateTime ukLocal) => UkCalendar.ToUtc(ukLocal);

    public static DateOnly Today(TimeProvider clock) => UkCalendar.Today(clock);

    /// <summary>"25 November 2026"</summary>
    public static string Date(System.DateTime utc) => UkCalendar.Date(utc);

    public static string Date(DateOnly day) => UkCalendar.Date(day);

    /// <inheritdoc cref="UkCalendar.DateTime"/>
    public static string DateTime(System.DateTime utc) => UkCalendar.DateTime(utc);

    /// <inheritdoc cref="UkCalendar.Until"/>
    public static string Until(System.DateTime utc) => UkCalendar.Until(utc);
}
