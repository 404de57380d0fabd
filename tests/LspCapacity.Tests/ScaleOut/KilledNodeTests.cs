using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LspCapacity.Tests.ScaleOut;

/// <summary>
/// A node killed while running a job: another node runs the job again, and drops the dead node's
/// server from /health and /jobs, within minutes (<see cref="JobTimeouts"/>), not half an hour.
/// </summary>
public sealed class KilledNodeTests
{
    [PostgresFact]
    public async Task AJobHeldByAKilledNode_IsRunByAnotherNode_AndItsServerIsDropped()
    {
        await using var killed = new AppFactory(); // no job server of its own: the test plays its part
        killed.CreateAnonymousClient();
        var storage = killed.Services.GetRequiredService<JobStorage>();
        var job = killed.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxDeliveryJob>(j => j.DeliverDueAsync(CancellationToken.None));

        // The killed node had a server; one of its workers took the job six minutes ago and ran it; two
        // minutes ago the node died, without giving the job back or saying goodbye.
        using (var connection = storage.GetConnection())
        {
            connection.AnnounceServer("killed-node", new ServerContext { Queues = ["default"], WorkerCount = 2 });
            var fetched = connection.FetchNextJob(["default"], CancellationToken.None); // never disposed: nothing gives it back
            Assert.Equal(job, fetched.JobId);
            using var transaction = connection.CreateWriteTransaction();
            transaction.SetJobState(job, new ProcessingOnKilledNode());
            transaction.Commit();
        }
        await using (var db = new NpgsqlConnection(killed.PostgresConnectionString))
        {
            await db.OpenAsync();
            await using var backdate = new NpgsqlCommand(
                "UPDATE hangfire.jobqueue SET fetchedat = now() - interval '6 minutes' WHERE jobid = @job; " +
                "UPDATE hangfire.server SET lastheartbeat = now() - interval '2 minutes' WHERE id = 'killed-node';", db);
            backdate.Parameters.AddWithValue("job", long.Parse(job, System.Globalization.CultureInfo.InvariantCulture));
            await backdate.ExecuteNonQueryAsync();
        }
        var monitoring = storage.GetMonitoringApi();
        Assert.Contains(monitoring.Servers(), s => s.Name == "killed-node");

        // A surviving node with a job server.
        await using var survivor = AppFactory.SecondNodeOf(killed);
        survivor.Settings["Jobs:RunServer"] = "true";
        survivor.CreateAnonymousClient();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && (monitoring.Servers().Any(s => s.Name == "killed-node") || StateOf(monitoring, job) != SucceededState.StateName))
        {
            await Task.Delay(250);
        }
        Assert.DoesNotContain(monitoring.Servers(), s => s.Name == "killed-node");
        Assert.Equal(SucceededState.StateName, StateOf(monitoring, job));
    }

    /// <summary>What the killed node's worker recorded (Hangfire's own ProcessingState cannot be built outside it).</summary>
    private sealed class ProcessingOnKilledNode : IState
    {
        public string Name => ProcessingState.StateName;
        public string? Reason => null;
        public bool IsFinal => false;
        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => new()
        {
            ["StartedAt"] = Hangfire.Common.JobHelper.SerializeDateTime(DateTime.UtcNow.AddMinutes(-6)),
            ["ServerId"] = "killed-node",
            ["WorkerId"] = "worker-1",
        };
    }

    private static string? StateOf(Hangfire.Storage.IMonitoringApi monitoring, string job) =>
        monitoring.JobDetails(job).History.FirstOrDefault()?.StateName;
}
