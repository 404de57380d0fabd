using LspCapacity.Web.Data;
using LspCapacity.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>
/// Delivers due outbox rows. A batch of rows is claimed by one atomic conditional update before any is
/// sent, so two runs at once (two workers, two nodes, a retry) never send the same row twice; a run that
/// dies mid-way leaves claims that expire and the sweep picks those rows up again.
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
            if (due.Count > 0)
            {
                sent += await DeliverBatchAsync(due, cancellationToken);
            }
            // A short batch means nothing else was due; a failed row is not due again until its back-off ends.
            if (due.Count < options.Value.BatchSize || clock.GetElapsedTime(started) > RunFor)
            {
                return sent;
            }
        }
    }

    /// <summary>
    /// At start-up on SQLite, where one process owns the database: a claim still held was taken by a
    /// run that was killed, so its rows go with the next run instead of waiting out <see cref="ClaimFor"/>.
    /// (On PostgreSQL another node's run may hold it.)
    /// </summary>
    public static async Task<int> ReleaseClaimsOfStoppedRunsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        using (await db.WriteGate.EnterAsync(cancellationToken))
        {
            return await db.OutboxMessages.Where(m => m.ClaimToken != null || m.LockedUntil != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTime?)null).SetProperty(m => m.ClaimToken, (Guid?)null),
                    cancellationToken);
        }
    }

    private async Task<int> DeliverBatchAsync(List<long> due, CancellationToken cancellationToken)
    {
        // One write claims the batch, not one per row: on SQLite every write queues for the single
        // writer with the bookings that are queueing these emails.
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        int claimed;
        using (await db.WriteGate.EnterAsync(cancellationToken)) // a write outside SaveChanges: queue with the others
        {
            claimed = await db.OutboxMessages
                .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                            && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + ClaimFor).SetProperty(m => m.ClaimToken, token),
                    cancellationToken);
        }
        if (claimed == 0)
        {
            return 0; // another run has them, or they are no longer due
        }

        var messages = await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => due.Contains(m.Id) && m.ClaimToken == token)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        // A deactivated person gets no email, whatever queued it and whenever: one look per batch, by address.
        var addresses = messages.Select(m => m.ToAddress.ToUpperInvariant()).Distinct().ToList();
        var deactivated = (await db.Users.AsNoTracking().Where(u => !u.IsActive && addresses.Contains(u.NormalizedEmail!))
            .Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var sent = 0;
        var done = 0;
        try
        {
            foreach (var message in messages)
            {
                if (deactivated.Contains(message.ToAddress.ToUpperInvariant()))
                {
                    db.Attach(message);
                    message.Withhold(clock.GetUtcNow().UtcDateTime, "Not sent: the person has been deactivated.");
                    await db.SaveChangesAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    done++;
                    continue;
                }
                if (await DeliverAsync(message, cancellationToken))
                {
                    sent++;
                }
                done++;
            }
        }
        finally
        {
            if (done < messages.Count)
            {
                // Stopped part-way (the app is shutting down): hand back what was not tried, so it goes
                // with the next run rather than waiting out the claim.
                var left = messages.Skip(done).Select(m => m.Id).ToList();
                using (await db.WriteGate.EnterAsync(CancellationToken.None))
                {
                    await db.OutboxMessages.Where(m => left.Contains(m.Id) && m.ClaimToken == token && m.Status == OutboxStatus.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTime?)null).SetProperty(m => m.ClaimToken, (Guid?)null),
                            CancellationToken.None);
                }
            }
        }
        return sent;
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(message, cancellationToken);
        db.Attach(message); // loaded untracked with its batch: track only the row being recorded
        var after = clock.GetUtcNow().UtcDateTime;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                message.MarkSent(after);
                break;
            case SendOutcome.Transient:
                message.RecordTransientFailure(after, result.Error ?? "", TimeSpan.FromHours(options.Value.RetryHours));
                logger.LogWarning("Outbox message {OutboxId} not delivered (attempt {Attempt}), will retry: {Error}", message.Id, message.Attempts, result.Error);
                break;
            default:
                message.RecordPermanentFailure(after, result.Error ?? "");
                logger.LogError("Outbox message {OutboxId} refused permanently: {Error}", message.Id, result.Error);
                break;
        }
        // Not cancellable: the mail has gone, so the record of it must be written.
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return result.Outcome == SendOutcome.Sent;
    }
}
