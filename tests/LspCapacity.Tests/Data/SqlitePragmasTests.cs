using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Data;

/// <summary>Every SQLite connection the app uses waits for a busy writer and syncs as WAL allows, however often the pool hands it out.</summary>
public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task EveryOpen_HasThePragmas_SetOncePerPhysicalConnection()
    {
        await using var app = AppFactory.OnSqlite();
        app.CreateAnonymousClient();
        for (var round = 0; round < 3; round++)
        {
            if (round == 2)
            {
                SqliteConnection.ClearAllPools(); // a new physical connection gets them too
            }
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection(); // the one opened (lent: SqliteStatementCache)
            Assert.Equal(10_000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous")); // NORMAL
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task APooledConnection_IsNotSetAgain_OnEachOpen()
    {
        // Another test's app clears every SQLite pool when it stops (AppFactory), which can close this test's connection between
        // its two opens: a new physical connection then has the pragmas set afresh, as it should. So up to three tries; were the
        // pragmas set on every open, every try would read them back.
        var seen = new List<long>();
        for (var attempt = 0; attempt < 3 && !seen.Contains(2L); attempt++)
        {
            seen.Add(await SynchronousAfterReopeningAsync());
        }
        Assert.Contains(2L, seen);
    }

    /// <summary>PRAGMA synchronous on the second open of a pooled connection whose first open set it to FULL behind the interceptor's back.</summary>
    private static async Task<long> SynchronousAfterReopeningAsync()
    {
        // A database of its own, so its pool holds exactly the one connection this test opens.
        var file = Path.Combine(Path.GetTempPath(), $"pragmas-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<Probe>().UseSqlite($"Data Source={file}").AddInterceptors(new SqlitePragmas()).Options;
        try
        {
            await using (var db = new Probe(options))
            {
                await db.Database.OpenConnectionAsync();
                Assert.Equal(1L, await ScalarAsync((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA synchronous"));
                // A change made behind the interceptor's back shows whether it runs again on the next open.
                await ScalarAsync((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA synchronous = FULL");
            }
            await using (var db = new Probe(options))
            {
                await db.Database.OpenConnectionAsync();
                return (long)(await ScalarAsync((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA synchronous"))!;
            }
        }
        finally
        {
            using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                SqliteConnection.ClearPool(connection);
            }
            File.Delete(file);
        }
    }

    private sealed class Probe(DbContextOptions<Probe> options) : DbContext(options);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
