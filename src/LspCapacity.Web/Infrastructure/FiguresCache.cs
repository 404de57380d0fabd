using System.Collections.Concurrent;
using LspCapacity.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// Keeps figures that are costly to work out and change far less often than they are read (survey
/// results, needs coverage, library search rankings), keyed by their scope's <see cref="DataVersion"/>.
/// Every request asks the database for the versions first — three rows, once a request — so a figure is served only
/// while nothing it depends on has changed, on whichever web node the change was made: never stale, and
/// no node needs telling. A cache is an in-memory copy; the database stays the truth.
/// </summary>
public sealed class FiguresCache : IDisposable
{
    /// <summary>Entries kept at most (each a small list of figures); the least recently used go first.</summary>
    public const int Capacity = 2_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly ConcurrentDictionary<(string Scope, string Version, string Key), Task<object>> _working = new();

    public Task<T> GetOrAddAsync<T>(AppDbContext db, string scope, string key, Func<CancellationToken, Task<T>> compute,
        CancellationToken cancellationToken) where T : class =>
        GetOrAddAsync(db, [scope], key, compute, cancellationToken);

    /// <summary>
    /// A figure that depends on more than one family of data (fair shares read attendance, partnerships and commitments):
    /// kept under every one of <paramref name="scopes"/>' versions, so a change to any of them works it out afresh.
    /// </summary>
    public Task<T> GetOrAddAsync<T>(AppDbContext db, IReadOnlyList<string> scopes, string key, Func<CancellationToken, Task<T>> compute,
        CancellationToken cancellationToken) where T : class =>
        GetOrAddAsync(db, scopes, key, compute, isCurrent: null, cancellationToken);

    /// <summary>
    /// As <see cref="GetOrAddAsync{T}(AppDbContext, IReadOnlyList{string}, string, Func{CancellationToken, Task{T}}, CancellationToken)"/>,
    /// for a figure that also goes out of date with time (a list of what is upcoming): one kept that <paramref name="isCurrent"/>
    /// says is no longer current is worked out afresh, and replaces it.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(AppDbContext db, IReadOnlyList<string> scopes, string key, Func<CancellationToken, Task<T>> compute,
        Func<T, bool>? isCurrent, CancellationToken cancellationToken) where T : class
    {
        // Inside a transaction the context may see its own uncommitted changes (and their version):
        // what it works out there is not kept.
        if (db.Database.CurrentTransaction is not null)
        {
            return await compute(cancellationToken);
        }
        // The version is read before the figures: a change committed in between gives newer figures
        // under the older version (replaced at the next read), never older figures under the newer one.
        var versions = await db.DataVersionsAsync(cancellationToken);
        var entryKey = (string.Join(',', scopes), string.Join(',', scopes.Select(scope => versions[scope])), key);
        if (_entries.TryGetValue(entryKey, out T? kept) && kept is not null && (isCurrent is null || isCurrent(kept)))
        {
            return kept;
        }
        // One request works a figure out; others asking for it meanwhile wait for that answer rather than
        // all working it out at once (32 at once on a cold page each read thousands of rows).
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var working = _working.GetOrAdd(entryKey, mine.Task);
        if (working != mine.Task)
        {
            try
            {
                return (T)await working.WaitAsync(cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return await compute(cancellationToken); // the one working it out gave up: work it out here
            }
        }
        try
        {
            var value = await compute(cancellationToken);
            _entries.Set(entryKey, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
            mine.SetResult(value);
            return value;
        }
        catch
        {
            mine.TrySetCanceled();
            throw;
        }
        finally
        {
            _working.TryRemove(KeyValuePair.Create(entryKey, mine.Task));
        }
    }

    /// <summary>Pages of a list kept per data version: the first fifty (see <see cref="PageAsync{T}"/>).</summary>
    public const int KeptPages = 50;

    /// <summary>
    /// A page of a list the same for everyone who may see it (the unfiltered proposal list, the provider register), kept under
    /// <paramref name="scopes"/>' versions, with <c>Kept</c> the instance kept (null when not), for <c>&lt;render-once for&gt;</c>.
    /// Only the first <see cref="KeptPages"/> page numbers are kept: one beyond (an old link, a hand-typed one) is read each
    /// time, so asking for many numbers cannot push other kept figures out.
    /// </summary>
    public async Task<(T Page, object? Kept)> PageAsync<T>(AppDbContext db, IReadOnlyList<string> scopes, string list, int page,
        Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) where T : class
    {
        if (page > KeptPages)
        {
            return (await read(cancellationToken), null);
        }
        var kept = await GetOrAddAsync(db, scopes, $"{list}:page:{Math.Max(1, page)}", read, cancellationToken);
        return (kept, kept);
    }

    /// <summary>The scope's version, from the request's one read of every version (<see cref="AppDbContext.DataVersionsAsync"/>).</summary>
    public static async Task<long> VersionAsync(AppDbContext db, string scope, CancellationToken cancellationToken) =>
        (await db.DataVersionsAsync(cancellationToken))[scope];

    public void Dispose() => _entries.Dispose();
}
