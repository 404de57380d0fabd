using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>
/// Keeps the sign-in tables from growing without end. Ends sessions older than
/// <see cref="AccountOptions.SessionMaxDays"/> (the longest a sign-in lasts, and all that is left of
/// sessions whose cookies simply expired without a sign-out), and deletes failure counters (of unknown
/// addresses and of devices) that are not locking anything and have counted nothing for a day. Deleting
/// what is already gone is harmless, so a second run changes nothing.
/// </summary>
public sealed class AccountHousekeepingJob(AppDbContext db, TimeProvider clock, IOptions<AccountOptions> accounts)
{
    public static readonly TimeSpan CounterIdleTime = TimeSpan.FromDays(1);

    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<(int Sessions, int Counters)> TidyAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessionsBefore = now.AddDays(-accounts.Value.SessionMaxDays);
        var countersBefore = now - CounterIdleTime;
        return await db.InTransactionAsync(async ct =>
        {
            var sessions = await db.UserSessions.Where(s => s.CreatedAt < sessionsBefore).ExecuteDeleteAsync(ct);
            var counters = await db.LockoutCounters
                .Where(c => (c.LockedUntil == null || c.LockedUntil < now) && (c.LastFailureAt == null || c.LastFailureAt < countersBefore))
                .ExecuteDeleteAsync(ct);
            return (sessions, counters);
        }, cancellationToken);
    }
}
