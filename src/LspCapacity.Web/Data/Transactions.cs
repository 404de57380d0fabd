using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Data;

/// <summary>
/// Runs a unit of work in a transaction and runs it again, from a clean context, when it lost a race:
/// a concurrency token that no longer matched, a unique index that refused a duplicate, or a busy
/// database. The work must therefore load what it needs itself. Conflicts never reach the person as a 500.
/// </summary>
public static class Transactions
{
    // Enough for a burst of a few dozen bookings on one activity (every one moves its confirmed count): at 12, two of
    // 60 simultaneous bookings of a national showcase on PostgreSQL ran out of attempts.
    private const int MaxAttempts = 30;

    public static async Task<T> InTransactionAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            // SQLite's write lock is taken at BEGIN (IMMEDIATE): queue for it here, not in its busy handler.
            using (await db.WriteGate.EnterAsync(cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                try
                {
                    var result = await work(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                }
                catch (Exception e) when (attempt < MaxAttempts && IsLostRace(e))
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    db.DiscardPendingChanges();
                }
            }
            // Out of the gate while waiting: the writer that won the race goes on meanwhile.
            await Task.Delay(Random.Shared.Next(2, 10 * Math.Min(attempt, 12)), cancellationToken);
        }
    }

    public static Task InTransactionAsync(this AppDbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken);

    public static bool IsLostRace(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsLostRace(inner),
        // 19 constraint (a unique index refused a duplicate), 5 busy, 6 locked.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        // PostgreSQL: unique violation, serialization failure, deadlock (matched by name: no Npgsql reference here).
        _ when e.GetType().Name == "PostgresException" && e.GetType().GetProperty("SqlState")?.GetValue(e) is "23505" or "40001" or "40P01" => true,
        _ => false,
    };
}
