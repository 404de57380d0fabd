using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>The public good-practice library: search, filters by theme, partnership and kind, paged.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Partnership { get; set; }
    [BindProperty(SupportsGet = true)] public PracticeKind? Kind { get; set; }
    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Items { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData["Section"] = "library";
        Themes = await ThemeChoices.ListAsync(db, cancellationToken);
        Partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => db.CaseStudies.Any(c => c.PartnershipId == p.Id && c.Status == CaseStudyStatus.Published))
            .OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);

        var query = db.CaseStudies.AsNoTracking().Where(c => c.Status == CaseStudyStatus.Published);
        if (Theme is { } themeId) query = query.Where(c => c.Themes.Any(t => t.ThemeId == themeId));
        if (Partnership is { } partnershipId) query = query.Where(c => c.PartnershipId == partnershipId);
        if (Kind is { } kind) query = query.Where(c => c.Kind == kind);

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var ranked = await LibrarySearch.MatchingIdsAsync(db, Q, cancellationToken);
            var matching = await query.Where(c => ranked.Contains(c.Id)).Select(Project()).ToListAsync(cancellationToken);
            var order = ranked.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var sorted = matching.OrderBy(r => order[r.Id]).ToList();
            var size = 20;
            var pages = Math.Max(1, (int)Math.Ceiling(sorted.Count / (double)size));
            var current = Math.Clamp(PageNumber, 1, pages);
            Items = new Paged<Row>(sorted.Skip((current - 1) * size).Take(size).ToList(), current, size, sorted.Count);
        }
        else
        {
            Items = await query.OrderByDescending(c => c.PublishedAt).Select(Project()).ToPagedAsync(PageNumber, 20, cancellationToken);
        }
    }

    private System.Linq.Expressions.Expression<Func<CaseStudy, Row>> Project() => c => new Row(c.Id, c.Slug, c.Title, c.Summary, c.Kind, c.PublishedAt,
        db.Partnerships.Where(p => p.Id == c.PartnershipId).Select(p => p.Name).FirstOrDefault(),
        c.Themes.Join(db.Themes, ct => ct.ThemeId, t => t.Id, (_, t) => t.Name).ToList());

    public string PageUrl(int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add("q=" + Uri.EscapeDataString(Q));
        if (Theme is not null) parts.Add("theme=" + Theme);
        if (Partnership is not null) parts.Add("partnership=" + Partnership);
        if (Kind is not null) parts.Add("kind=" + Kind);
        if (page > 1) parts.Add("page=" + page);
        return "/library" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }

    public sealed record Row(int Id, string Slug, string Title, string Summary, PracticeKind Kind, DateTime? PublishedAt, string? Partnership, List<string> Themes);
}
