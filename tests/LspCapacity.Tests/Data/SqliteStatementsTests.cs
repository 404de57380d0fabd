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
/// A pooled context's SQLite connection stays open for the context's life and keeps its queries prepared
/// (<see cref="SqliteStatementCache"/>): a kept statement runs with each run's own parameters, inside and outside a
/// transaction, sees what other connections committed, is bounded per connection, and the connection closes when
/// the pool is disposed.
/// </summary>
public sealed class SqliteStatementsTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"statements-{Guid.NewGuid():N}.db");
    private readonly Commands _commands = new();
    private SqliteStatementCache _cache = null!;
    private ServiceProvider _services = null!;
    private IDbContextFactory<Probe> _pool = null!;

    public async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton<SqliteStatementCache>()
            .AddPooledDbContextFactory<Probe>((sp, options) => options.UseSqlite($"Data Source={_file}")
                .KeepingPreparedStatements(sp.GetRequiredService<SqliteStatementCache>()).AddInterceptors(_commands))
            .BuildServiceProvider();
        _cache = _services.GetRequiredService<SqliteStatementCache>();
        _pool = _services.GetRequiredService<IDbContextFactory<Probe>>();
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

    [Fact]
    public async Task TheSameQuery_RunsOnItsKeptCommand_WithEachRunsOwnParameters_AcrossLeases()
    {
        SqliteConnection connection;
        await using (var db = _pool.CreateDbContext())
        {
            connection = (SqliteConnection)db.Database.GetDbConnection();
            Assert.Equal("one", await NameOfAsync(db, 1));
        }
        Assert.Equal(ConnectionState.Open, connection.State); // kept open while the context is in the pool
        var first = _commands.Last;

        await using (var db = _pool.CreateDbContext())
        {
            Assert.Same(connection, db.Database.GetDbConnection());
            Assert.Equal("two", await NameOfAsync(db, 2));
            Assert.Same(first, _commands.Last);
            Assert.Null(await NameOfAsync(db, 99));
            Assert.Same(first, _commands.Last);
        }
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
        var kept = _commands.Last;

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Items.Where(i => i.Id == 2).ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, "inside"));
            Assert.Equal("inside", await NameOfAsync(db, 2));
            Assert.Same(kept, _commands.Last);
            await transaction.RollbackAsync();
        }

        Assert.Equal("two", await NameOfAsync(db, 2));
        Assert.Same(kept, _commands.Last);
    }

    [Fact]
    public async Task TheSameQuery_InsideItsOwnReader_RunsOnASecondCommand()
    {
        await using var db = _pool.CreateDbContext();
        var before = _cache.KeptOn((SqliteConnection)db.Database.GetDbConnection());
        var pairs = new List<string>();
        await foreach (var item in db.Items.AsNoTracking().OrderBy(i => i.Id).AsAsyncEnumerable())
        {
            pairs.Add($"{item.Name}:{await db.Items.AsNoTracking().Where(i => i.Id == 4 - item.Id).Select(i => i.Name).SingleAsync()}");
            pairs.Add($"{item.Name}:{await db.Items.AsNoTracking().Where(i => i.Id == 4 - item.Id).Select(i => i.Name).SingleAsync()}");
        }
        Assert.Equal(["one:three", "one:three", "two:two", "two:two", "three:one", "three:one"], pairs);
        Assert.Equal(before + 2, _cache.KeptOn((SqliteConnection)db.Database.GetDbConnection())); // the outer query's and the inner one's
    }

    [Fact]
    public async Task AConnectionKeepsAtMostItsLimit_AndClosesWhenTheAppStops()
    {
        SqliteConnection connection;
        await using (var db = _pool.CreateDbContext())
        {
            connection = (SqliteConnection)db.Database.GetDbConnection();
            for (var n = 0; n < SqliteStatementCache.PerConnection + 10; n++)
            {
                // A different SQL text each time: the constant is part of it.
                var sql = "SELECT COUNT(*) + " + n + " - " + n + " AS Value FROM Items";
                Assert.Equal(3, await db.Database.SqlQueryRaw<int>(sql).SingleAsync());
            }
            Assert.Equal(SqliteStatementCache.PerConnection, _cache.KeptOn(connection));
        }

        await _services.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, _cache.KeptOn(connection));
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

    /// <summary>The command each query ran on.</summary>
    private sealed class Commands : DbCommandInterceptor
    {
        public DbCommand? Last { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Last = command;
            return ValueTask.FromResult(result);
        }
    }
}

/// <summary>The app's own contexts: a connection is kept open while its context is in EF's pool, and closed when it leaves it.</summary>
public sealed class KeptConnectionsTests
{
    [Fact]
    public async Task AContextThePoolHasNoRoomFor_ClosesItsConnection_AndTheRestCloseWhenTheAppStops()
    {
        var app = AppFactory.OnSqlite();
        app.CreateAnonymousClient();
        var scopes = Enumerable.Range(0, Databases.SqlitePoolSize + 1).Select(_ => app.Services.CreateAsyncScope()).ToList();
        var connections = new List<SqliteConnection>();
        foreach (var scope in scopes)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.Themes.AsNoTracking().AnyAsync());
            connections.Add((SqliteConnection)db.Database.GetDbConnection());
        }
        Assert.Equal(scopes.Count, connections.Distinct().Count());
        Assert.All(connections, c => Assert.Equal(ConnectionState.Open, c.State));

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }
        // The pool took the first SqlitePoolSize back with their connections open; the last had no room and was closed.
        Assert.All(connections.Take(Databases.SqlitePoolSize), c => Assert.Equal(ConnectionState.Open, c.State));
        Assert.Equal(ConnectionState.Closed, connections[^1].State);

        await app.DisposeAsync();
        Assert.All(connections, c => Assert.Equal(ConnectionState.Closed, c.State));
    }
}
