using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LspCapacity.Tests.Support;

/// <summary>
/// Counts the SQL commands the app runs, so a test can prove a page's query count does not grow with its
/// data, and the savepoints it takes (EF takes them through the transaction, not as commands).
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int _count;
    private int _savepoints;

    public int Count => _count;

    public int Savepoints => _savepoints;

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _savepoints, 0);
    }

    public InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Interlocked.Increment(ref _savepoints);
        return result;
    }

    public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _savepoints);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}

public static class QueryCounting
{
    /// <summary>
    /// The SQL commands one GET of <paramref name="url"/> runs, read the second time (the first request's one-off work is
    /// not the page's); the page must answer 200.
    /// </summary>
    public static async Task<int> QueriesForAsync(this AppFactory app, HttpClient client, string url)
    {
        await client.GetDocumentAsync(url);
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        Assert.True(app.Queries.Count > 1, $"{url}: the counter saw {app.Queries.Count} commands"); // the counter really counts
        return app.Queries.Count;
    }

    /// <summary>As <see cref="QueriesForAsync(AppFactory, HttpClient, string)"/>, signed in as <paramref name="email"/>.</summary>
    public static Task<int> QueriesForAsync(this AppFactory app, string email, string url) =>
        app.QueriesForAsync(app.CreateClientAs(email), url);
}
