using LspCapacity.Web.Domain.Activities;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Data;

/// <summary>
/// The ways to load an activity in order to change it, each with everything the rules of
/// <see cref="Activity"/> it serves look at. Every page or job that changes an activity or its bookings
/// loads it through one of these, so none can load too little and break an invariant without noticing
/// (a freed place that skips the waiting list, a partnership cap counted against half its places, a
/// second live booking for one person). All load tracked, for the caller's unit of work.
/// </summary>
public static class ActivityLoads
{
    /// <summary>
    /// For one person's own booking or its cancellation (<see cref="Activity.Book"/>,
    /// <see cref="Activity.CancelBooking"/>): the person's live bookings, the waiting list (a freed place
    /// goes to its first) and, when places per partnership are capped, the confirmed places the cap counts.
    /// Not every live booking: on a popular activity, loading and tracking them all was most of the work
    /// done while holding SQLite's write lock.
    /// </summary>
    public static async Task<Activity?> ActivityForPersonAsync(this AppDbContext db, int id, string personId, CancellationToken cancellationToken)
    {
        var activity = await ActivityWithCaps.For(db)(db, id);
        if (activity is null)
        {
            return null;
        }
        // A national showcase's per-region caps count confirmed places as the partnership cap does.
        var capped = activity.PartnershipCap is not null || activity.IsNational && activity.RegionCaps.Count > 0;
        // Tracked, so EF adds them to the activity's bookings.
        await foreach (var _ in BookingsForPerson.For(db)(db, id, personId, capped).WithCancellation(cancellationToken))
        {
        }
        return activity;
    }

    // Both compiled once: they run inside SQLite's write lock on every booking and cancellation, where EF's work to
    // look a composed query up in its cache was a tenth of the time the lock was held.
    private static readonly PerEngine<Func<AppDbContext, int, Task<Activity?>>> ActivityWithCaps = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int id) =>
            db.Activities.Include(a => a.PriorityPartnerships).Include(a => a.RegionCaps).AsSplitQuery().SingleOrDefault(a => a.Id == id)));

    // The status test comes first and on its own, so the (activity, status) index finds the live bookings; the rest is a
    // filter over those: the person's own, the waiting list, and the confirmed places a cap counts.
    private static readonly PerEngine<Func<AppDbContext, int, string, bool, IAsyncEnumerable<Booking>>> BookingsForPerson = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int id, string personId, bool capped) => db.Bookings
            .Where(b => b.ActivityId == id
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested)
                && (b.PersonId == personId || b.Status == BookingStatus.Waitlisted || capped && b.Status == BookingStatus.Confirmed))));

    /// <summary>
    /// For naming contributors (<see cref="Activity.AddContributor"/>, <see cref="Activity.RemoveContributor"/>):
    /// the contributors only; no booking rule is touched.
    /// </summary>
    public static Task<Activity?> ActivityWithContributorsAsync(this AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Activities.Include(a => a.Contributors).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// With every live booking (confirmed, waiting, requested) and the priority partnerships: for a
    /// coordinator's action, which may touch any booking (approve, decline, promote, remove, book someone,
    /// move, publish, cancel or complete the activity).
    /// </summary>
    public static Task<Activity?> ActivityWithLiveBookingsAsync(this AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Activities
            .Include(a => a.Bookings.Where(b => b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested))
            .Include(a => a.PriorityPartnerships)
            .Include(a => a.RegionCaps)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>With every booking, cancelled and declined ones too: the attendance register names any of them.</summary>
    public static Task<Activity?> ActivityWithAllBookingsAsync(this AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Activities
            .Include(a => a.Bookings)
            .Include(a => a.PriorityPartnerships)
            .Include(a => a.RegionCaps)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// For changing the activity's details (<see cref="Activity.Update"/>): its themes, costs and priority
    /// partnerships, and every live booking, since a change that frees places fills them from the waiting
    /// list and ending approval moves requests onto it.
    /// </summary>
    public static Task<Activity?> ActivityForEditAsync(this AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Activities
            .Include(a => a.Themes)
            .Include(a => a.Costs)
            .Include(a => a.PriorityPartnerships)
            .Include(a => a.RegionCaps)
            .Include(a => a.Bookings.Where(b => b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested))
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

}
