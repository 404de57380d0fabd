namespace LspCapacity.Web.Jobs;

/// <summary>
/// How soon the nodes notice one that died (PostgreSQL job storage; the in-memory storage of a single
/// node has no other node to notice). Matched to how long the jobs really run: the longest, outbox
/// delivery, stops taking batches after two minutes (<c>OutboxDeliveryJob.RunFor</c>); the reminder job
/// for 10,000 due bookings takes about 4 s and delivering 10,000 emails about 8 s (docs/performance.md).
/// So a killed node's job runs again on another node within about five minutes, and its server leaves
/// <c>/health</c> and <c>/jobs</c> within about two minutes, instead of Hangfire's defaults of
/// 30 minutes and up to 10 minutes.
/// </summary>
public static class JobTimeouts
{
    /// <summary>
    /// A job a worker took and neither finished nor gave back (its node died) is taken again by another
    /// node after this long; it also frees a job-storage lock (one run at a time) that a dead node held.
    /// Above the longest run with room to spare, so a job still running is not started twice (and if
    /// one ever were, the jobs are idempotent and the outbox claims its rows).
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How often each job server says it is alive (Hangfire's default: 30 s).</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>A server silent for this long (four heartbeats) is taken to be dead and removed (default: 5 minutes).</summary>
    public static readonly TimeSpan ServerTimeout = TimeSpan.FromMinutes(1);

    /// <summary>How often each server looks for dead ones (default: 5 minutes).</summary>
    public static readonly TimeSpan ServerCheckInterval = TimeSpan.FromSeconds(30);
}
