using LspCapacity.Web.Data;
using LspCapacity.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>
/// Delivers due outbox rows. Each row is claimed by one atomic conditional update before it is sent,
/// so two runs at once (two workers, two nodes, a retry) never send the same row twice; a run that
/// dies mid-way leaves a claim that expires and the sweep picks the row up again.
/// </summary>
public sealed class OutboxDeliveryJob(AppDbContext db, MailSender sender, TimeProvider clock,
    IOptions<EmailOptions> options, OutboxHeadStart headStart, ILogger<OutboxDeliveryJob> logger)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>How long one run keeps taking batches before leaving the rest to the next run (the sweep starts one every minute).</summary>
    private static readonly TimeSpan RunFor = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Delivers everything due now, a batch at a time, until a batch comes back short (nothing more
    /// is due) or the run has gone on for <see cref="RunFor"/>. Returns how many were sent.
    /// </summary>
    [Hangfire.AutomaticRetry(Attempts = 0)]
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        headStart.Started(); // before the first look: mail committed from here on queues another run
        var started = clock.GetTimestamp();
        var sent = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                            && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var id in due)
            {
                if (await DeliverAsync(id, cancellationToken))
                {
                    sent++;
                }
            }
            // A short batch means nothing else was due; a failed row is not due again until its back-off ends.
            if (due.Count < options.Value.BatchSize || clock.GetElapsedTime(started) > RunFor)
            {
                return sent;
            }
        }
    }

    private async Task<bool> DeliverAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lockedUntil = now + ClaimFor;
        int claimed;
        using (await db.WriteGate.EnterAsync(cancellationToken)) // a write outside SaveChanges: queue with the others
        {
            claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                            && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
        }
        if (claimed == 0)
        {
            return false; // another run has it, or it is no longer due
        }

        var message = await db.OutboxMessages.Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);
        var result = await sender.SendAsync(message, cancellationToken);
        var after = clock.GetUtcNow().UtcDateTime;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                message.MarkSent(after);
                break;
            case SendOutcome.Transient:
                message.RecordTransientFailure(after, result.Error ?? "", options.Value.MaxAttempts);
                logger.LogWarning("Outbox message {OutboxId} not delivered (attempt {Attempt}), will retry: {Error}", id, message.Attempts, result.Error);
                break;
            default:
                message.RecordPermanentFailure(after, result.Error ?? "");
                logger.LogError("Outbox message {OutboxId} refused permanently: {Error}", id, result.Error);
                break;
        }
        // Not cancellable: the mail has gone, so the record of it must be written.
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return result.Outcome == SendOutcome.Sent;
    }
}
