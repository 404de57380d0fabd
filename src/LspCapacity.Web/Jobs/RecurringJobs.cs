using Hangfire;
using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Web.Jobs;

/// <summary>Every recurring schedule, in one place. Schedules run in UK time.</summary>
public static class RecurringJobs
{
    public const string OutboxSweep = "outbox-sweep";
    public const string SurveyChasers = "survey-chasers";
    public const string PlacementNudges = "placement-nudges";
    public const string ActivityReminders = "activity-reminders";
    public const string FeedbackRequests = "activity-feedback-requests";
    public const string MinimumNumbers = "activity-minimum-numbers";
    public const string LibraryDigest = "library-digest";
    public const string ReviewReminders = "review-reminders";
    public const string AccountHousekeeping = "account-housekeeping";
    public const string ProjectReminders = "project-reminders";
    public const string NightlyBackup = "nightly-backup";
    public const string Retention = "retention";
    public const string BrokerageRatings = "brokerage-ratings";

    /// <summary>
    /// How long a run of a queuing job waits for another run of the same job to finish. Every node's
    /// scheduler fires the same schedules, and a run checks which emails exist before it adds its own,
    /// so two runs at once would both add the same email and one would fail on the unique key and be
    /// retried. Each queuing job therefore takes a lock in the job storage (shared by all nodes on
    /// PostgreSQL): a second run waits, then finds everything already queued. Outbox delivery is not
    /// locked: its runs claim rows one by one and may run side by side.
    /// </summary>
    public const int OneRunAtATimeSeconds = 10 * 60;

    public static void Register(IRecurringJobManager jobs)
    {
        var uk = new RecurringJobOptions { TimeZone = UkTime.Zone };

        // Picks up anything left behind: rows queued while the server was down, retries whose back-off has passed.
        jobs.AddOrUpdate<OutboxDeliveryJob>(OutboxSweep, j => j.DeliverDueAsync(CancellationToken.None), Cron.Minutely(), uk);

        // Needs analysis: chase partnerships that have not submitted, in office hours.
        jobs.AddOrUpdate<SurveyChaserJob>(SurveyChasers, j => j.ChaseAsync(CancellationToken.None), "0 9-17 * * 1-5", uk);

        // Activities: reminders and minimum-number alerts hourly; feedback requests after the event.
        jobs.AddOrUpdate<ActivityReminderJob>(ActivityReminders, j => j.RemindAsync(CancellationToken.None), Cron.Hourly(), uk);
        jobs.AddOrUpdate<MinimumNumberJob>(MinimumNumbers, j => j.AlertAsync(CancellationToken.None), Cron.Hourly(), uk);
        jobs.AddOrUpdate<FeedbackRequestJob>(FeedbackRequests, j => j.RequestAsync(CancellationToken.None), Cron.Hourly(), uk);

        // Library: a weekly digest for people following themes, Monday morning.
        jobs.AddOrUpdate<LibraryDigestJob>(LibraryDigest, j => j.SendAsync(CancellationToken.None), "0 7 * * 1", uk);

        // Placements: quiet pairings and approaching end dates, each morning.
        jobs.AddOrUpdate<PlacementNudgeJob>(PlacementNudges, j => j.NudgeAsync(CancellationToken.None), "0 8 * * *", uk);

        // Peer reviews: team briefings, self-assessment deadlines, actions due and overdue, follow-ups, each morning.
        jobs.AddOrUpdate<ReviewReminderJob>(ReviewReminders, j => j.RemindAsync(CancellationToken.None), "15 8 * * *", uk);

        // Improvement projects: leads asked for an update (none for a month) and told of overdue milestones, on the first of the month.
        jobs.AddOrUpdate<ProjectRemindersJob>(ProjectReminders, j => j.RemindAsync(CancellationToken.None), "30 8 1 * *", uk);

        // Brokerage: the partnership asked to rate delivered work a week after delivery, each morning.
        jobs.AddOrUpdate<BrokerageRatingJob>(BrokerageRatings, j => j.AskAsync(CancellationToken.None), "45 8 * * *", uk);

        // Accounts: sessions past their longest life and idle failure counters, each night.
        jobs.AddOrUpdate<AccountHousekeepingJob>(AccountHousekeeping, j => j.TidyAsync(CancellationToken.None), "30 3 * * *", uk);

        // The embedded database's nightly backup (Backup:*); nothing on PostgreSQL, which has its own tools.
        jobs.AddOrUpdate<BackupJob>(NightlyBackup, j => j.BackUpAsync(CancellationToken.None), "15 2 * * *", uk);
        // Privacy: private notes, email bodies and idle accounts past their retention periods, each night.
        jobs.AddOrUpdate<RetentionJob>(Retention, j => j.ApplyAsync(CancellationToken.None), "45 3 * * *", uk);
    }
}

/// <summary>
/// Starts delivery as soon as a change that queued email commits. Only a head start: the change has
/// already committed and the minutely sweep delivers the mail anyway, so a failure here is logged, not
/// thrown at the person whose request caused it. Signals coalesce (<see cref="OutboxHeadStart"/>):
/// a busy hour's bookings start one delivery run per burst, not one per email.
/// </summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs, OutboxHeadStart headStart, ILogger<HangfireOutboxSignal> logger) : IOutboxSignal
{
    public void EmailQueued()
    {
        if (!headStart.TryQueue())
        {
            return; // a run is queued and has not yet looked for due mail: it will find this one
        }
        try
        {
            jobs.Enqueue<OutboxDeliveryJob>(j => j.DeliverDueAsync(CancellationToken.None));
        }
        catch (Exception e)
        {
            headStart.Started(); // nothing is queued after all
            logger.LogWarning(e, "Could not start email delivery at once; the outbox sweep will deliver it");
        }
    }
}

/// <summary>
/// Whether this node has a delivery run queued that has not yet looked for due mail. Email committed
/// while one is waiting needs no run of its own: the waiting run looks after the commit. Every run
/// clears the mark before it looks (<see cref="Started"/>), so mail committed after that starts another.
/// </summary>
public sealed class OutboxHeadStart
{
    private int _queued;

    /// <summary>True when the caller should queue a run (none is waiting); marks one as waiting.</summary>
    public bool TryQueue() => Interlocked.Exchange(ref _queued, 1) == 0;

    /// <summary>A run is about to look for due mail (or none was queued after all).</summary>
    public void Started() => Volatile.Write(ref _queued, 0);
}
