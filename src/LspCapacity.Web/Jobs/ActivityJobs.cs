using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>The "Activities" section.</summary>
public class ActivityOptions
{
    public const string Section = "Activities";

    /// <summary>Days before the start when confirmed attendees are reminded.</summary>
    public int[] ReminderDays { get; set; } = [7, 1];
}

/// <summary>
/// Reminds confirmed attendees before an activity starts. For each offset d the reminder is due from
/// start − d until the start, and only the nearest due offset is sent: someone who books three days
/// before gets only the one-day reminder, and a missed run never sends a stale reminder late.
/// </summary>
public sealed class ActivityReminderJob(AppDbContext db, ActivityEmails emails, TimeProvider clock, IOptions<ActivityOptions> options)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var longest = options.Value.ReminderDays.DefaultIfEmpty(0).Max();
        var horizon = now.AddDays(longest);
        // Read-only here: nothing but the outbox changes, so nothing else needs tracking.
        var activities = await db.Activities.AsNoTracking()
            .Include(a => a.Bookings.Where(b => b.Status == BookingStatus.Confirmed))
            .Where(a => a.Status == ActivityStatus.Published && a.StartsAt > now && a.StartsAt <= horizon)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var due = new List<(Activity, Booking, string)>();
        foreach (var activity in activities)
        {
            foreach (var booking in activity.Bookings)
            {
                // The nearest offset whose moment has come, and which came after the person booked.
                var offset = options.Value.ReminderDays
                    .Where(d => now >= activity.StartsAt.AddDays(-d) && booking.CreatedAt <= activity.StartsAt.AddDays(-d))
                    .DefaultIfEmpty(-1).Min();
                if (offset >= 0)
                {
                    due.Add((activity, booking, $"{offset}d"));
                }
            }
        }
        var queued = await emails.QueueRemindersAsync(db, due, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}

/// <summary>Asks attendees for feedback once an activity has ended: once per booking, only those marked as attended.</summary>
public sealed class FeedbackRequestJob(AppDbContext db, ActivityEmails emails, TimeProvider clock)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> RequestAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var activities = await db.Activities
            .Include(a => a.Bookings.Where(b => b.Status == BookingStatus.Confirmed && b.Attendance == Attendance.Attended && b.FeedbackRequestedAt == null))
            .Where(a => (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed) && a.EndsAt <= now
                        && a.Bookings.Any(b => b.Status == BookingStatus.Confirmed && b.Attendance == Attendance.Attended && b.FeedbackRequestedAt == null))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var activity in activities)
        {
            foreach (var booking in activity.Bookings)
            {
                await emails.QueueAsync(db, activity, booking, BookingEmail.FeedbackRequest, cancellationToken);
                booking.MarkFeedbackRequested(now);
                queued++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}

/// <summary>Alerts the region's coordinators, once each, when an activity is below its minimum number at the cut-off.</summary>
public sealed class MinimumNumberJob(AppDbContext db, Outbox outbox, TimeProvider clock)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> AlertAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var below = await db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Published && a.MinimumNumber != null && a.MinimumCutoff <= now && a.StartsAt > now
                        && a.ConfirmedCount < a.MinimumNumber)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var activity in below)
        {
            var coordinators = await db.Users.AsNoTracking()
                .Where(u => u.RegionId == activity.RegionId && u.IsActive && u.Role == Roles.Coordinator)
                .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
            foreach (var person in coordinators)
            {
                if (await outbox.QueueAsync(db, new OutgoingEmail($"activity:{activity.Id}:below-minimum:{person.Id}", person.Email!, person.DisplayName,
                        "activity-below-minimum", new Dictionary<string, string?>
                        {
                            ["Title"] = activity.Title,
                            ["When"] = ActivityEmails.When(activity),
                            ["Confirmed"] = activity.ConfirmedCount.ToString(UkTime.Culture),
                            ["Minimum"] = activity.MinimumNumber!.Value.ToString(UkTime.Culture),
                            ["Cutoff"] = UkTime.Until(activity.MinimumCutoff!.Value),
                            ["Link"] = outbox.PageLink("/Activities/Manage", new { id = activity.Id }),
                        }) { RegionId = activity.RegionId }, cancellationToken))
                {
                    queued++;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
