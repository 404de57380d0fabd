namespace LspCapacity.Web.Data;

/// <summary>
/// Lets one unit of work write at a time, in the order they asked, on SQLite. SQLite has a single
/// writer: without the gate, concurrent writers (32 people booking at once) each wait in SQLite's busy
/// handler, which sleeps and polls with growing pauses and blocks a thread while it does; the write lock
/// then sits unused between one writer's commit and the next one's wake-up. With the gate, writers queue
/// asynchronously and the next starts the moment the last one finishes. SQLite's busy timeout stays as
/// the backstop for writers the gate does not see (another process, a maintenance command).
/// PostgreSQL locks rows, not the database: there the gate is <see cref="Open"/>.
/// </summary>
public sealed class WriteGate
{
    /// <summary>No gate: every writer goes straight on (PostgreSQL, design-time tools).</summary>
    public static readonly WriteGate Open = new(serialise: false);

    /// <summary>
    /// How long a writer waits at the gate before going on regardless, so a unit of work that (wrongly)
    /// saves through a second context while holding the gate is refused by SQLite's busy timeout as
    /// before, rather than waiting forever.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim? _one;

    public WriteGate(bool serialise) => _one = serialise ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits for the gate; dispose the result to let the next writer in.</summary>
    public async ValueTask<Pass> EnterAsync(CancellationToken cancellationToken)
    {
        if (_one is null)
        {
            return default;
        }
        return new Pass(await _one.WaitAsync(MaxWait, cancellationToken) ? _one : null);
    }

    public readonly struct Pass(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
