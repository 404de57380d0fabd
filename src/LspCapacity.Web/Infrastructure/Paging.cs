using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Infrastructure;

/// <summary>One page of a long list, with what the pager needs.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
    public int FirstItem => TotalCount == 0 ? 0 : (PageNumber - 1) * PageSize + 1;
    public int LastItem => Math.Min(PageNumber * PageSize, TotalCount);

    /// <summary>The page title of a list that has more than one page: "People (page 2 of 5)".</summary>
    public string Title(string title) => PageCount > 1 ? $"{title} (page {PageNumber} of {PageCount})" : title;
}

/// <summary>
/// A row of a page with the list's total, as a compiled query reads a page in one round trip (the shape
/// <see cref="PagingExtensions.ToPagedInOneQueryAsync{T}"/> reads); <c>PagingExtensions.FromCompiledAsync</c> reads a page of them. A class with settable members, which EF projects into at any depth of a query.
/// </summary>
public sealed class Counted<T>
{
    public T Row { get; init; } = default!;
    public int Total { get; init; }
}

public static class PagingExtensions
{
    /// <summary>
    /// A list page's address (built with Url.Page) with the page number added from page 2 on. The number goes
    /// in the query here because "page" is the route value Razor Pages names the page by, so Url.Page cannot carry it.
    /// </summary>
    public static string WithPageNumber(this string url, int page, bool always = false) =>
        page > 1 || always ? QueryHelpers.AddQueryString(url, "page", page.ToString(CultureInfo.InvariantCulture)) : url;

    public const int DefaultPageSize = 25;

    /// <summary>Counts, then takes the requested page (clamped to the pages that exist).</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int pageNumber, int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        pageNumber = Math.Clamp(pageNumber, 1, pages);
        var items = await query.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Paged<T>(items, pageNumber, pageSize, total);
    }

    /// <summary>
    /// As <see cref="ToPagedAsync{T}"/>, in one round trip instead of two: the total comes with each row of the page (an
    /// uncorrelated count, which SQLite works out once). A page past the last has no rows to carry the total: then the
    /// last page is read backwards (<paramref name="query"/> must be ordered), with the total, in one more round trip.
    /// </summary>
    public static async Task<Paged<T>> ToPagedInOneQueryAsync<T>(this IQueryable<T> query, int pageNumber, int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        pageNumber = Math.Max(1, pageNumber);
        var rows = await query.Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(item => new Counted<T> { Row = item, Total = query.Count() })
            .ToListAsync(cancellationToken);
        return await FromRowsAsync(rows, pageNumber, pageSize, () => query.LastPageInOneQueryAsync(pageSize, cancellationToken));
    }

    /// <summary>
    /// A page read by a compiled query of the shape <see cref="ToPagedInOneQueryAsync{T}"/> reads: <paramref name="rows"/> gives,
    /// for a skip and a take, the page's rows each with the list's total. A page number past the last reads
    /// <paramref name="lastPage"/> instead (the composed list's <see cref="LastPageInOneQueryAsync{T}"/>).
    /// </summary>
    public static async Task<Paged<T>> FromCompiledAsync<T>(Func<int, int, IAsyncEnumerable<Counted<T>>> rows, int pageNumber, int pageSize,
        Func<Task<Paged<T>>> lastPage, CancellationToken cancellationToken)
    {
        pageNumber = Math.Max(1, pageNumber);
        var read = await rows((pageNumber - 1) * pageSize, pageSize).ToListAsync(cancellationToken);
        return await FromRowsAsync(read, pageNumber, pageSize, lastPage);
    }

    /// <summary>
    /// As <see cref="FromCompiledAsync{T}(Func{int, int, IAsyncEnumerable{Counted{T}}}, int, int, Func{Task{Paged{T}}}, CancellationToken)"/>,
    /// with a page number past the last read by the compiled query of the same list in the opposite order
    /// (<paramref name="backwards"/>, for a skip and a take), as <see cref="LastPageInOneQueryAsync{T}"/> reads a composed one.
    /// </summary>
    public static Task<Paged<T>> FromCompiledAsync<T>(Func<int, int, IAsyncEnumerable<Counted<T>>> rows, int pageNumber, int pageSize,
        Func<int, int, IAsyncEnumerable<Counted<T>>> backwards, CancellationToken cancellationToken) =>
        FromCompiledAsync(rows, pageNumber, pageSize,
            async () => LastPage(await backwards(0, pageSize).ToListAsync(cancellationToken), pageSize), cancellationToken);

    /// <summary>
    /// A page from its rows, each carrying the list's total: no rows on the first page is an empty list, no rows past it a
    /// page number past the last, which <paramref name="lastPage"/> reads instead.
    /// </summary>
    private static async Task<Paged<T>> FromRowsAsync<T>(IReadOnlyList<Counted<T>> rows, int pageNumber, int pageSize, Func<Task<Paged<T>>> lastPage)
    {
        if (rows.Count > 0)
        {
            return new Paged<T>(rows.Select(r => r.Row).ToList(), pageNumber, pageSize, rows[0].Total);
        }
        return pageNumber == 1 ? new Paged<T>([], 1, pageSize, 0) : await lastPage();
    }

    /// <summary>
    /// The last page of <paramref name="query"/> (which must be ordered) with its total, in one round trip: for a page number
    /// past the last (an old link, a hand-typed number). The last page is the end of the list, so its rows are the first of
    /// the list reversed, as many as the total leaves for it.
    /// </summary>
    public static async Task<Paged<T>> LastPageInOneQueryAsync<T>(this IQueryable<T> query, int pageSize, CancellationToken cancellationToken = default)
    {
        var tail = await query.Reverse().Take(pageSize)
            .Select(item => new Counted<T> { Row = item, Total = query.Count() })
            .ToListAsync(cancellationToken);
        return LastPage(tail, pageSize);
    }

    /// <summary>The last page from the first rows of the list reversed (as many as a page holds), each with the list's total.</summary>
    private static Paged<T> LastPage<T>(IReadOnlyList<Counted<T>> tail, int pageSize)
    {
        if (tail.Count == 0)
        {
            return new Paged<T>([], 1, pageSize, 0);
        }
        var total = tail[0].Total;
        var last = (total + pageSize - 1) / pageSize;
        var onLast = total - (last - 1) * pageSize;
        return new Paged<T>(tail.Take(onLast).Select(r => r.Row).Reverse().ToList(), last, pageSize, total);
    }
}
