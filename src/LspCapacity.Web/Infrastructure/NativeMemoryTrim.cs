using System.Runtime.InteropServices;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// On Linux with glibc, gives the C allocator's free memory back to the system every <see cref="Interval"/>. What .NET's JIT,
/// SQLite and OpenSSL allocate and free natively is kept by glibc's allocator in its arenas, in holes it only returns when asked
/// (<c>malloc_trim</c>): under the benchmark's load, a long-running app held 30–40 MB of such free memory in its working set
/// (docs/performance.md). Trimming takes the allocator's locks for a moment; nothing else changes. Elsewhere (Windows, macOS, a
/// C library without <c>malloc_trim</c>) it does nothing.
/// </summary>
public sealed class NativeMemoryTrim(ILogger<NativeMemoryTrim> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>Trims once; false when this system's C library cannot.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl, say)
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Trim())
        {
            log.LogDebug("The C library cannot give free memory back (malloc_trim): not trimming");
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Trim();
        }
    }
}
