using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LspCapacity.Tests.ScaleOut;

/// <summary>
/// Nodes started together on PostgreSQL, as a new installation or a rolling deploy does: one start-up
/// lock covers creating the database, the pending migrations and the seed (<see cref="StartupLock"/>).
/// </summary>
public sealed class StartupTests
{
    [PostgresFact]
    public async Task TwoNodesStartedTogether_OnADatabaseThatDoesNotExistYet_BothStart_AndOneCreatesIt()
    {
        var server = TestDatabase.PostgresServer!;
        var database = new NpgsqlConnectionStringBuilder(server) { Database = "lsp_test_" + Guid.NewGuid().ToString("N"), Timeout = 60 }.ConnectionString;
        try
        {
            await using var nodeA = NodeOn(database);
            await using var nodeB = NodeOn(database);

            await StartTogetherAsync(nodeA, nodeB);

            await AssertBothServeAsync(nodeA, nodeB);
            var created = nodeA.Logs.Entries.Concat(nodeB.Logs.Entries).Where(e => e.Message.StartsWith("Created the PostgreSQL database", StringComparison.Ordinal));
            Assert.Single(created);
            // Created at once and said plainly: not found only after failed connections logged as failures.
            Assert.Empty(nodeA.Logs.Failures.Concat(nodeB.Logs.Failures));
        }
        finally
        {
            TestDatabase.DropPostgresDatabase(server, database);
        }
    }

    [PostgresFact]
    public async Task TwoNodesStartedTogether_OnAnEmptyDatabase_WithMigrationsPending_BothStart()
    {
        var server = TestDatabase.PostgresServer!;
        var database = TestDatabase.CreatePostgresDatabase(server);
        try
        {
            // The database exists (made by an administrator) but holds nothing yet: every migration is pending.
            using (var db = new PostgresAppDbContextDesignTimeFactory().CreateDbContext([]))
            {
                db.Database.SetConnectionString(database);
                Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            }
            await using var nodeA = NodeOn(database);
            await using var nodeB = NodeOn(database);

            await StartTogetherAsync(nodeA, nodeB);

            await AssertBothServeAsync(nodeA, nodeB);
            Assert.Empty(await nodeA.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
            Assert.Empty(nodeA.Logs.Failures.Concat(nodeB.Logs.Failures));
        }
        finally
        {
            TestDatabase.DropPostgresDatabase(server, database);
        }
    }

    private static AppFactory NodeOn(string database)
    {
        var node = AppFactory.OnPostgres(database);
        node.Settings["Logging:LogLevel:LspCapacity"] = "Information";
        return node;
    }

    /// <summary>Starts both hosts on two threads at the same moment (a host starts on its first client).</summary>
    private static async Task StartTogetherAsync(AppFactory nodeA, AppFactory nodeB)
    {
        using var ready = new Barrier(2);
        await Task.WhenAll(new[] { nodeA, nodeB }.Select(node => Task.Factory.StartNew(() =>
        {
            ready.SignalAndWait();
            node.CreateAnonymousClient();
        }, TaskCreationOptions.LongRunning)));
    }

    private static async Task AssertBothServeAsync(AppFactory nodeA, AppFactory nodeB)
    {
        foreach (var node in new[] { nodeA, nodeB })
        {
            Assert.Equal(HttpStatusCode.OK, (await node.CreateAnonymousClient().GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await node.CreateClientAs(Demo.Coordinator).GetAsync("/people")).StatusCode);
        }
        // The seed was loaded once, whichever node loaded it.
        Assert.Equal(1, await nodeB.WithDbAsync(db => db.Users.CountAsync(u => u.Email == Demo.Coordinator)));
        Assert.Equal(1, await nodeB.WithDbAsync(db => db.Regions.CountAsync(r => r.Name == "West Midlands")));
    }
}
