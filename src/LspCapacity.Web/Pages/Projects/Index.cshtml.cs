using System.Linq.Expressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// The improvement projects a person may see (their partnership's, their region's, the ones they
/// support), filtered by status, theme and partnership, paged. A fixed number of queries whatever the size: the page with
/// its total in one, the themes and partnerships to filter by from memory (<see cref="ReferenceData"/>).
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me, ReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProjectStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Partnership { get; set; }

    public Paged<Row> Projects { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];
    public bool CanRegister => me.IsLspStaff && me.PartnershipId is not null;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Projects);
        var query = ProjectAccess.Visible(db, me);
        if (Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        if (Theme is { } themeId)
        {
            query = query.Where(p => p.Themes.Any(t => t.ThemeId == themeId));
        }
        if (Partnership is { } partnershipId)
        {
            query = query.Where(p => p.PartnershipId == partnershipId);
        }
        if (Status is null && Theme is null && Partnership is null && ProjectAccess.WholeRegionOf(me) is { } wholeRegion)
        {
            // A coordinator's or broker's unfiltered list, the view nearly every visit asks for: compiled (see RegionView);
            // a page past the last is read backwards, as the composed list reads it.
            Projects = await PagingExtensions.FromCompiledAsync((skip, take) => RegionView.For(db)(db, wholeRegion, skip, take),
                page, PagingExtensions.DefaultPageSize,
                () => Inline.Bind(RowsOf, db, query).LastPageInOneQueryAsync(PagingExtensions.DefaultPageSize, cancellationToken), cancellationToken);
        }
        else
        {
            Projects = await Inline.Bind(RowsOf, db, query).ToPagedInOneQueryAsync(page, cancellationToken: cancellationToken);
        }
        Themes = await ThemeChoices.ListAsync(reference, db, cancellationToken);
        if (me.IsCoordinator)
        {
            // By name in ordinal order, as the database sorts them (SQLite compares names byte by byte).
            var partnerships = me.IsAdmin
                ? (await reference.PartnershipNamesAsync(db, cancellationToken)).Select(p => new ReferenceData.PartnershipItem(p.Key, p.Value))
                    .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).ToList()
                : me.RegionId is { } regionId ? await reference.PartnershipsAsync(db, regionId, cancellationToken) : [];
            Partnerships = partnerships.Select(p => new SelectListItem(p.Name, p.Id.ToString(UkTime.Culture))).ToList();
        }
        return Page();
    }

    /// <summary>The list's order (proposed, then active, then closed; the newest first) and its rows.</summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<Project>, IQueryable<Row>>> RowsOf = (db, projects) => projects
        .OrderBy(p => p.Status == ProjectStatus.Proposed ? 0 : p.Status == ProjectStatus.Active ? 1 : 2)
        .ThenByDescending(p => p.StartsOn).ThenByDescending(p => p.Id)
        .Select(p => new Row(p.Id, p.Title, db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(),
            p.Status, p.StartsOn, p.EndsOn, p.LastUpdateOn,
            p.Updates.OrderByDescending(u => u.PostedAt).Select(u => (RagStatus?)u.Rag).FirstOrDefault()));

    /// <summary>
    /// A region's projects unfiltered, a page of them with the total (as <see cref="PagingExtensions.ToPagedInOneQueryAsync"/>),
    /// compiled once: composed on each request, EF's work to find the SQL for the expression cost more CPU than SQLite's.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, int, int, IAsyncEnumerable<Counted<Row>>>> RegionView = new(() => EF.CompileAsyncQuery(
        Inline.Expand<Func<AppDbContext, int, int, int, IQueryable<Counted<Row>>>>((db, regionId, skip, take) =>
            RowsOf.Apply(db, db.Projects.AsNoTracking().Where(p => p.RegionId == regionId)).Skip(skip).Take(take)
                .Select(r => new Counted<Row> { Row = r, Total = db.Projects.Count(p => p.RegionId == regionId) }))));

    public string PageUrl(int page) =>
        Url.Page("/Projects/Index", new { status = Status, theme = Theme, partnership = Partnership, page })!;

    public sealed record Row(int Id, string Title, string Partnership, ProjectStatus Status, DateOnly StartsOn, DateOnly EndsOn,
        DateOnly? LastUpdateOn, RagStatus? LatestRag);
}
