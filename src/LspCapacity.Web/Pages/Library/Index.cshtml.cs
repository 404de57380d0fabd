using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>The public good-practice library: search, filters by theme, partnership and kind, paged.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.Policy)] // visitors only
public class IndexModel(AppDbContext db, FiguresCache cache, ReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Partnership { get; set; }
    [BindProperty(SupportsGet = true)] public PracticeKind? Kind { get; set; }

    /// <summary>From ?results=true: closed improvement projects' results summaries (public with their lead's consent), not case studies.</summary>
    [BindProperty(SupportsGet = true)] public bool Results { get; set; }
    public Paged<ResultRow> ResultItems { get; private set; } = default!;
    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Items { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData.SetSection(SiteSection.Library);
        // The themes and the partnerships with published studies come from memory while their versions
        // stand (one read of the versions for the page), as does each search's ranking.
        Themes = await ThemeChoices.ListAsync(reference, db, cancellationToken);
        var withStudies = await cache.GetOrAddAsync(db, DataScopes.Library, "partnerships",
            ct => db.Partnerships.AsNoTracking()
                .Where(p => db.CaseStudies.Any(c => c.PartnershipId == p.Id && c.Status == CaseStudyStatus.Published))
                .OrderBy(p => p.Name).Select(p => new PartnershipChoice(p.Id, p.Name)).ToListAsync(ct), cancellationToken);
        Partnerships = withStudies.Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToList();

        if (Results)
        {
            await ResultsAsync(cancellationToken);
            return;
        }
        var query = db.CaseStudies.AsNoTracking().Where(c => c.Status == CaseStudyStatus.Published);
        if (Theme is { } themeId) query = query.Where(c => c.Themes.Any(t => t.ThemeId == themeId));
        if (Partnership is { } partnershipId) query = query.Where(c => c.PartnershipId == partnershipId);
        if (Kind is { } kind) query = query.Where(c => c.Kind == kind);

        var themeNames = await reference.ThemeNamesAsync(db, cancellationToken);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Rank order from FTS5, filters from the query; only the page shown is projected (not every match).
            var ranked = await cache.GetOrAddAsync(db, DataScopes.Library, "search:" + LibrarySearch.Key(Q),
                ct => LibrarySearch.MatchingIdsAsync(db, Q, ct), cancellationToken);
            // The search itself keeps only published studies; a filter is one more query, with the ids as
            // one array parameter (EF.Parameter) rather than up to 500 separate ones.
            var sorted = ranked;
            if (Theme is not null || Partnership is not null || Kind is not null)
            {
                var matching = (await query.Where(c => EF.Parameter(ranked).Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
                sorted = ranked.Where(matching.Contains).ToList();
            }
            var size = 20;
            var pages = Math.Max(1, (int)Math.Ceiling(sorted.Count / (double)size));
            var current = Math.Clamp(PageNumber, 1, pages);
            var pageIds = sorted.Skip((current - 1) * size).Take(size).ToList();
            var order = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var rows = await db.CaseStudies.AsNoTracking().Where(c => pageIds.Contains(c.Id)).Select(Project()).ToListAsync(cancellationToken);
            Items = new Paged<Row>(rows.OrderBy(r => order[r.Id]).Select(r => ToRow(r, themeNames)).ToList(), current, size, sorted.Count);
        }
        else
        {
            var found = await query.OrderByDescending(c => c.PublishedAt).Select(Project()).ToPagedAsync(PageNumber, 20, cancellationToken);
            Items = new Paged<Row>(found.Items.Select(r => ToRow(r, themeNames)).ToList(), found.PageNumber, found.PageSize, found.TotalCount);
        }
    }

    /// <summary>The public results summaries, newest first, by theme, partnership and title words; paged like the case studies.</summary>
    private async Task ResultsAsync(CancellationToken cancellationToken)
    {
        var query = PublicResults.Query(db);
        if (Theme is { } themeId) query = query.Where(p => p.Themes.Any(t => t.ThemeId == themeId));
        if (Partnership is { } partnershipId) query = query.Where(p => p.PartnershipId == partnershipId);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var words = Q.Trim();
            query = query.Where(p => p.Title.Contains(words) || p.Results!.WhatChanged.Contains(words));
        }
        var found = await query.OrderByDescending(p => p.ClosedAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.PartnershipId, p.Results!.WhatChanged, p.ClosedAt })
            .ToPagedAsync(PageNumber, 20, cancellationToken);
        // Partnership names from memory (ReferenceData), as the case studies' are, not a subquery per row.
        var names = await reference.PartnershipNamesAsync(db, cancellationToken);
        ResultItems = new Paged<ResultRow>(
            found.Items.Select(p => new ResultRow(p.Id, p.Title, names.GetValueOrDefault(p.PartnershipId, ""), p.WhatChanged, p.ClosedAt)).ToList(),
            found.PageNumber, found.PageSize, found.TotalCount);
        Items = new Paged<Row>([], ResultItems.PageNumber, ResultItems.PageSize, ResultItems.TotalCount);
    }

    public sealed record ResultRow(int Id, string Title, string Partnership, string WhatChanged, DateTime? ClosedAt);

    // Theme ids, not a join to Themes: SQLite materialised that join over every case study's themes
    // and scanned it for each row. Names come from the themes held in memory (ReferenceData).
    private System.Linq.Expressions.Expression<Func<CaseStudy, Projected>> Project() => c => new Projected(c.Id, c.Slug, c.Title, c.Summary, c.Kind, c.PublishedAt,
        db.Partnerships.Where(p => p.Id == c.PartnershipId).Select(p => p.Name).FirstOrDefault(),
        c.Themes.Select(t => t.ThemeId).ToList());

    private static Row ToRow(Projected p, IReadOnlyDictionary<int, string> themeNames) =>
        new(p.Id, p.Slug, p.Title, p.Summary, p.Kind, p.PublishedAt, p.Partnership, p.ThemeIds.Select(id => themeNames[id]).ToList());

    private sealed record PartnershipChoice(int Id, string Name);

    private sealed record Projected(int Id, string Slug, string Title, string Summary, PracticeKind Kind, DateTime? PublishedAt, string? Partnership, List<int> ThemeIds);

    public string PageUrl(int page) =>
        Url.Page("/Library/Index", new
        {
            q = string.IsNullOrWhiteSpace(Q) ? null : Q,
            theme = Theme,
            partnership = Partnership,
            kind = Results ? null : Kind,
            results = Results ? true : (bool?)null,
        })!.WithPageNumber(page);

    public sealed record Row(int Id, string Slug, string Title, string Summary, PracticeKind Kind, DateTime? PublishedAt, string? Partnership, List<string> Themes);
}
