using LspCapacity.Web.Domain.Activities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>
/// A workshop on 10 June 2026, 09:00–15:00 UTC, booking open 1 May to 9 June. All times UTC; the
/// domain takes <c>now</c> as a value, so tests pass instants rather than a clock.
/// </summary>
internal static class TestActivities
{
    public static readonly DateTime Created = Utc(2026, 4, 20, 9);
    public static readonly DateTime Opens = Utc(2026, 5, 1, 9);
    public static readonly DateTime Closes = Utc(2026, 6, 9, 17);
    public static readonly DateTime Starts = Utc(2026, 6, 10, 9);
    public static readonly DateTime Ends = Utc(2026, 6, 10, 15);

    /// <summary>An instant while booking is open, before any priority window in these tests ends.</summary>
    public static readonly DateTime WhileOpen = Utc(2026, 5, 10, 9);

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>The n-th minute after <see cref="WhileOpen"/>: successive bookings get distinct times.</summary>
    public static DateTime At(int minute) => WhileOpen.AddMinutes(minute);

    public static ActivityDetails Details(int capacity = 10, int? partnershipCap = null,
        BookingMode mode = BookingMode.FirstCome, DateTime? priorityUntil = null) =>
        new(ActivityKind.Workshop, "Safeguarding in practice", "A hands-on workshop.", Starts, Ends,
            "Leeds Civic Hall", HostPartnershipId: null, capacity, partnershipCap, Opens, Closes, mode, priorityUntil,
            MinimumNumber: null, MinimumCutoff: null);

    public static Activity Draft(ActivityDetails? details = null) => new(1, details ?? Details(), [1], Created);

    public static Activity Published(ActivityDetails? details = null, IEnumerable<int>? priorityPartnerships = null)
    {
        var activity = Draft(details);
        if (priorityPartnerships is not null)
        {
            activity.SetPriorityPartnerships(priorityPartnerships);
        }
        activity.Publish(Created);
        return activity;
    }

    /// <summary>The invariant behind every booking rule: the counter is the number of confirmed bookings.</summary>
    public static void AssertConfirmedCountIsConsistent(Activity activity) =>
        Assert.Equal(activity.Bookings.Count(b => b.Status == BookingStatus.Confirmed), activity.ConfirmedCount);
}
