using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Jobs;

/// <summary>The recurring schedules as Hangfire runs them: a real job server, several workers, runs that overlap.</summary>
public sealed class RecurringJobTests
{
    [Fact]
    public async Task JobsAreBuiltFromTheirOwnHost_AfterAnotherHostInTheProcessHasGone()
    {
        // Hangfire's configuration is process-wide and the last host to start sets it; each host's
        // jobs must still come from that host's container (the test suite runs many hosts at once).
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        var other = new AppFactory();
        other.CreateAnonymousClient();
        await other.DisposeAsync();

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = new BackgroundJob("1", Job.FromExpression<OutboxDeliveryJob>(j => j.DeliverDueAsync(CancellationToken.None)), DateTime.UtcNow);
        using var scope = app.Services.GetRequiredService<JobActivator>().BeginScope(new JobActivatorContext(connection, job, new JobCancellationToken(false)));
        var delivery = Assert.IsType<OutboxDeliveryJob>(scope.Resolve(typeof(OutboxDeliveryJob)));
        Assert.Equal(0, await delivery.DeliverDueAsync());
    }

    [Fact]
    public async Task EveryQueuingJob_RunsOneAtATime_AndOutboxDeliveryMayRunSideBySide()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();

        Assert.Equal(13, jobs.Count);
        foreach (var job in jobs)
        {
            var locked = job.Job.Method.GetCustomAttribute<DisableConcurrentExecutionAttribute>() is not null;
            Assert.True(locked == (job.Id != RecurringJobs.OutboxSweep), $"{job.Id}: {job.Job.Type.Name}.{job.Job.Method.Name} locked {locked}");
        }
    }

    [Fact]
    public async Task ReminderRunsFiredTogether_QueueOneReminder_WithoutAFailureOrRetry()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = new AppFactory { SmtpPort = smtp.Port };
        app.Settings["Jobs:RunServer"] = "true";
        app.Settings["Jobs:WorkerCount"] = "4";
        var activity = await app.PublishedActivityAsync(capacity: 20, startsIn: TimeSpan.FromDays(3), title: "Overlap seminar");
        var people = await app.PeopleAsync(20, "Birmingham", "Coventry");
        foreach (var person in people)
        {
            await app.BookAsync(person, activity);
        }
        app.Clock.Advance(TimeSpan.FromDays(2.5));

        // Eight runs at once on four workers: without the lock, runs that overlap all find no reminder
        // queued, all add one, and all but the first fail on the unique key and wait for a retry.
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var _ in Enumerable.Range(0, 8))
        {
            manager.Trigger(RecurringJobs.ActivityReminders);
        }

        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        async Task<int> Reminders() => (await app.OutboxAsync()).Count(m => m.DeduplicationKey.StartsWith("reminder:", StringComparison.Ordinal));
        bool Idle() => monitoring.ProcessingCount() == 0 && monitoring.Queues().All(q => q.Length == 0);
        bool Failed() => monitoring.ScheduledCount() > 0 || monitoring.FailedCount() > 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var idleBefore = false;
        while (DateTime.UtcNow < deadline && !Failed())
        {
            await Task.Delay(250);
            var idle = Idle() && await Reminders() == 20;
            if (idle && idleBefore)
            {
                break;
            }
            idleBefore = idle;
        }

        var failures = monitoring.FailedJobs(0, 10).Select(j => $"{j.Value.Job?.Method.Name} failed: {j.Value.ExceptionType}: {j.Value.ExceptionMessage}")
            .Concat(monitoring.ScheduledJobs(0, 10).Select(j => $"{j.Value.Job?.Method.Name} waiting for a retry"));
        Assert.Empty(failures);
        Assert.True(Idle(), "runs still queued or running after a minute");
        Assert.Equal(20, await Reminders()); // the twenty confirmed places, once each
    }
}
