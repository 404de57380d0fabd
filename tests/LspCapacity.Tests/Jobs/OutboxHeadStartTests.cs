using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using LspCapacity.Web.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace LspCapacity.Tests.Jobs;

/// <summary>Email committed while a delivery run waits to start needs no run of its own; none is ever left without one.</summary>
public sealed class OutboxHeadStartTests
{
    private sealed class RecordingJobs : IBackgroundJobClient
    {
        public int Created { get; private set; }
        public bool Fail { get; set; }

        public string Create(Job job, IState state)
        {
            if (Fail)
            {
                throw new InvalidOperationException("job storage unavailable");
            }
            Created++;
            return Created.ToString();
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    [Fact]
    public void ABurstOfEmail_QueuesOneRun_AndEmailAfterThatRunHasLookedQueuesAnother()
    {
        var jobs = new RecordingJobs();
        var headStart = new OutboxHeadStart();
        var signal = new HangfireOutboxSignal(jobs, headStart, NullLogger<HangfireOutboxSignal>.Instance);

        for (var i = 0; i < 10; i++)
        {
            signal.EmailQueued();
        }
        Assert.Equal(1, jobs.Created);

        headStart.Started(); // the run looks for due mail: what commits from now on is not in its look
        signal.EmailQueued();
        signal.EmailQueued();
        Assert.Equal(2, jobs.Created);
    }

    [Fact]
    public void ARunThatCouldNotBeQueued_DoesNotStopTheNextEmailQueuingOne()
    {
        var jobs = new RecordingJobs { Fail = true };
        var headStart = new OutboxHeadStart();
        var signal = new HangfireOutboxSignal(jobs, headStart, NullLogger<HangfireOutboxSignal>.Instance);

        signal.EmailQueued(); // logged, not thrown: the sweep delivers it
        jobs.Fail = false;
        signal.EmailQueued();
        Assert.Equal(1, jobs.Created);
    }
}
