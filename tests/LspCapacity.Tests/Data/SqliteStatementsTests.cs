using System.Data;
using System.Data.Common;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Data;

/// <summary>
/// SQLite connections lent open to contexts, each keeping its queries prepared (<see cref="SqliteStatementCache"/>,
/// <see cref="LendingSqliteConnection"/>): a kept statement runs with each run's own parameters, inside and outside a
/// transaction, sees what other connections committed; a connection goes back open for the next query unless the pool
/// is full or a transaction was left open; everything closes when the app stops.
/// </summary>
public sealed class SqliteStatementsTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"statements-{Guid.NewGuid():N}.db");
    private readonly Commands _commands = new();
    private ServiceProvider _services = null!;
    private IDbContextFactory<Probe> _pool = null!;
    private SqliteStatementCache _cache = null!;

    private string ConnectionString => $"Data Source={_file}";

    public async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton<SqliteStatementCache>()
            .AddPooledDbContextFactory<Probe>((sp, options) => options.UseSqlite(ConnectionString)
                .KeepingPreparedStatements(sp.GetRequiredService<SqliteStatementCache>()).AddInterceptors(_commands, new ListingStatements()))
            .BuildServiceProvider();
        _pool = _services.GetRequiredService<IDbContextFactory<Probe>>();
        _cache = _services.GetRequiredService<SqliteStatementCache>();
        await using var db = _pool.CreateDbContext();
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL");
        db.Items.AddRange(new Item { Id = 1, Name = "one" }, new Item { Id = 2, Name = "two" }, new Item { Id = 3, Name = "three" });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    private static Task<string?> NameOfAsync(Probe db, int id) => db.Items.AsNoTracking().Where(i => i.Id == id).Select(i => i.Name).SingleOrDefaultAsync();

    private SqliteConnection LastConnection => _commands.Last!;

    /// <summary>
    /// The statements SQLite holds prepared on the connection now for SQL containing <paramref name="text"/>: how many
    /// times each has run (SQLITE_STMTSTATUS_RUN).
    /// </summary>
    private static List<int> Prepared(SqliteConnection connection, string text) => Status(connection, text, 6 /* SQLITE_STMTSTATUS_RUN */);

    /// <summary>As <see cref="Prepared"/>: how many times SQLite parsed and planned each again (SQLITE_STMTSTATUS_REPREPARE).</summary>
    private static List<int> Reprepared(SqliteConnection connection, string text) => Status(connection, text, 5 /* SQLITE_STMTSTATUS_REPREPARE */);

    private static List<int> Status(SqliteConnection connection, string text, int counter)
    {
        var found = new List<int>();
        for (var stmt = SQLitePCL.raw.sqlite3_next_stmt(connection.Handle, null); stmt is { IsInvalid: false }; stmt = SQLitePCL.raw.sqlite3_next_stmt(connection.Handle, stmt))
        {
            if (SQLitePCL.raw.sqlite3_sql(stmt).utf8_to_string().Contains(text, StringComparison.Ordinal))
            {
                found.Add(SQLitePCL.raw.sqlite3_stmt_status(stmt, counter, 0));
            }
        }
        return found;
    }

    private const string ByIdSql = "WHERE \"i\".\"Id\" = @";

    [Fact]
    public async Task TheSameQuery_RunsOnItsKeptCommand_WithEachRunsOwnParameters_AcrossLeases()
    {
        await using (var db = _pool.CreateDbContext())
        {
            Assert.Equal("one", await NameOfAsync(db, 1));
            Assert.NotSame(LastConnection, db.Database.GetDbConnection()); // lent for the query only
        }
        var connection = LastConnection;
        Assert.Equal(ConnectionState.Open, connection.State); // waiting open for the next query
        Assert.Contains(connection, _cache.Waiting(ConnectionString));
        Assert.Equal([1], Prepared(connection, ByIdSql));

        await using (var db = _pool.CreateDbContext())
        {
            Assert.Equal("two", await NameOfAsync(db, 2));
            Assert.Same(connection, LastConnection);
            Assert.Null(await NameOfAsync(db, 99));
            Assert.Equal([3], Prepared(connection, ByIdSql)); // one statement, run three times: not prepared again
            Assert.Equal([0], Reprepared(connection, ByIdSql));
        }
    }

    [Fact]
    public async Task APagedQuery_RunsOnItsKeptStatement_WithoutBeingPlannedAgain_WhateverItsPage()
    {
        // SQLite plans a statement whose LIMIT is a bare parameter with that parameter's value, and parses and plans it
        // again whenever the parameter is bound anew: the page size is written so that it does not.
        await using var db = _pool.CreateDbContext();
        foreach (var (skip, take, expected) in new[] { (0, 2, new[] { "one", "two" }), (2, 3, ["three"]), (1, 2, ["two", "three"]) })
        {
            Assert.Equal(expected, await db.Items.AsNoTracking().OrderBy(i => i.Id).Skip(skip).Take(take).Select(i => i.Name).ToListAsync());
        }
        Assert.Contains("LIMIT +@", _commands.LastText, StringComparison.Ordinal);
        Assert.Equal([3], Prepared(LastConnection, "LIMIT"));
        Assert.Equal([0], Reprepared(LastConnection, "LIMIT"));
    }

    [Fact]
    public async Task AKeptCommand_SeesWhatAnotherConnectionCommitted()
    {
        await using var reader = _pool.CreateDbContext();
        Assert.Equal("one", await NameOfAsync(reader, 1));

        await using (var writer = new Probe(new DbContextOptionsBuilder<Probe>().UseSqlite($"Data Source={_file};Pooling=False").Options))
        {
            await writer.Items.Where(i => i.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, "changed"));
        }

        Assert.Equal("changed", await NameOfAsync(reader, 1));
    }

    [Fact]
    public async Task AKeptCommand_RunsInsideATransaction_AndOutsideItAfterwards()
    {
        await using var db = _pool.CreateDbContext();
        Assert.Equal("one", await NameOfAsync(db, 1));
        var connection = LastConnection;
        Assert.Equal([1], Prepared(connection, ByIdSql));

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Items.Where(i => i.Id == 2).ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, "inside"));
            Assert.Equal("inside", await NameOfAsync(db, 2));
            Assert.Same(connection, LastConnection);
            Assert.Equal([2], Prepared(connection, ByIdSql));
            await transaction.RollbackAsync();
        }

        Assert.Equal("two", await NameOfAsync(db, 2));
        Assert.Equal([3], Prepared(connection, ByIdSql));
    }

    [Fact]
    public async Task TheSameQuery_InsideItsOwnReader_RunsOnASecondCommand()
    {
        await using var db = _pool.CreateDbContext();
        Assert.Equal("one", await NameOfAsync(db, 1));
        var connection = LastConnection;
        var before = _cache.KeptOn(connection);
        var pairs = new List<string>();
        await foreach (var item in db.Items.AsNoTracking().OrderBy(i => i.Id).AsAsyncEnumerable())
        {
            pairs.Add($"{item.Name}:{await db.Items.AsNoTracking().Where(i => i.Id == 4 - item.Id).Select(i => i.Name).SingleAsync()}");
            pairs.Add($"{item.Name}:{await db.Items.AsNoTracking().Where(i => i.Id == 4 - item.Id).Select(i => i.Name).SingleAsync()}");
        }
        Assert.Equal(["one:three", "one:three", "two:two", "two:two", "three:one", "three:one"], pairs);
        Assert.Same(connection, LastConnection);
        Assert.Equal(before + 2, _cache.KeptOn(connection)); // the outer query's and the inner one's
    }

    [Fact]
    public async Task AConnectionKeepsAtMostItsLimit_AndClosesWhenTheAppStops()
    {
        await using (var db = _pool.CreateDbContext())
        {
            for (var n = 0; n < SqliteStatementCache.PerConnection + 10; n++)
            {
                // A different SQL text each time: the constant is part of it.
                var sql = "SELECT COUNT(*) + " + n + " - " + n + " AS Value FROM Items";
                Assert.Equal(3, await db.Database.SqlQueryRaw<int>(sql).SingleAsync());
            }
        }
        var connection = LastConnection;
        Assert.Equal(SqliteStatementCache.PerConnection, _cache.KeptOn(connection));

        await _services.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, _cache.KeptOn(connection));
    }

    [Fact]
    public async Task ConnectionsLentAtOnce_GoBackOpenUpToTheLimit_AndTheRestClose()
    {
        var contexts = Enumerable.Range(0, SqliteStatementCache.IdlePerDatabase + 2).Select(_ => _pool.CreateDbContext()).ToList();
        var lent = new List<SqliteConnection>();
        foreach (var db in contexts)
        {
            await db.Database.OpenConnectionAsync();
            lent.Add((SqliteConnection)db.Database.GetDbConnection());
        }
        Assert.Equal(contexts.Count, lent.Distinct().Count());

        foreach (var db in contexts)
        {
            await db.Database.CloseConnectionAsync();
            await db.DisposeAsync();
        }
        var waiting = _cache.Waiting(ConnectionString);
        Assert.Equal(SqliteStatementCache.IdlePerDatabase, waiting.Count);
        Assert.All(waiting, c => Assert.Equal(ConnectionState.Open, c.State));
        Assert.All(lent.Except(waiting), c => Assert.Equal(ConnectionState.Closed, c.State));
    }

    [Fact]
    public async Task AConnectionGivenBackInsideATransaction_IsClosed_NotLentAgain()
    {
        SqliteConnection connection;
        await using (var db = _pool.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.ExecuteSqlRawAsync("BEGIN");
            await db.Database.ExecuteSqlRawAsync("UPDATE Items SET Name = 'uncommitted' WHERE Id = 3");
            await db.Database.CloseConnectionAsync();
        }
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.DoesNotContain(connection, _cache.Waiting(ConnectionString));

        await using var next = _pool.CreateDbContext();
        Assert.Equal("three", await NameOfAsync(next, 3));
    }

    private sealed class Item
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    private sealed class Probe(DbContextOptions<Probe> options) : DbContext(options)
    {
        public DbSet<Item> Items => Set<Item>();
    }

    /// <summary>Lets a test list a connection's prepared statements (SQLitePCL tracks them only when asked to, before any is made).</summary>
    private sealed class ListingStatements : DbConnectionInterceptor
    {
        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ((SqliteConnection)connection).Handle!.enable_sqlite3_next_stmt(true);
            return Task.CompletedTask;
        }
    }

    /// <summary>The connection each query ran on (the one EF had opened, i.e. borrowed).</summary>
    private sealed class Commands : DbCommandInterceptor
    {
        public SqliteConnection? Last { get; private set; }

        public string LastText { get; private set; } = "";

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Last = (SqliteConnection)eventData.Connection;
            LastText = command.CommandText;
            return ValueTask.FromResult(result);
        }
    }
}

/// <summary>The app's own contexts borrow their connections from the app's cache, and the app's stop closes them.</summary>
public sealed class LentConnectionsTests
{
    [Fact]
    public async Task APageRequest_LeavesItsConnectionWaitingOpen_AndTheAppsStopClosesIt()
    {
        var app = AppFactory.OnSqlite();
        var client = app.CreateAnonymousClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/library")).StatusCode);
        var cache = app.Services.GetRequiredService<SqliteStatementCache>();
        string connectionString;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        }
        var waiting = cache.Waiting(connectionString);
        Assert.NotEmpty(waiting);
        Assert.All(waiting, c => Assert.True(cache.KeptOn(c) > 0));

        await app.DisposeAsync();
        Assert.All(waiting, c => Assert.Equal(ConnectionState.Closed, c.State));
    }
}
