using System.Linq.Expressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Proposals;

/// <summary>How the proposals list is ordered.</summary>
public enum ProposalSort
{
    /// <summary>Most partnerships endorsing first (a partnership counts once).</summary>
    Endorsements = 0,

    /// <summary>Most partnerships with a high need in its themes first.</summary>
    Need = 1,
    Newest = 2,
}

/// <summary>
/// The proposals of the person's region, filtered by theme, kind, status and partnership, sorted by endorsements,
/// need evidence or age, paged. A fixed number of queries whatever the number of proposals and endorsements: the page with its
/// total and each row's themes in one (sorted by need evidence, which is no column, the matching ids first); the names of
/// themes and partnerships are held in memory.
/// </summary>
[Authorize(Policy = Policies.InARegion)]
public class IndexModel(AppDbContext db, CurrentUser me, ReferenceData reference, FiguresCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Partnership { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalSort Sort { get; set; }

    public Paged<Row> Proposals { get; private set; } = default!;

    /// <summary>The page as the figures cache keeps it (the default view), or null: its table is then rendered once for each.</summary>
    public object? Kept { get; private set; }
    public NeedEvidence Evidence { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];
    public bool CanPropose => me.IsLspStaff && me.PartnershipId is not null;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Proposals);
        var regionId = me.RequiredRegionId;
        var query = db.Proposals.AsNoTracking().Where(p => p.RegionId == regionId);
        if (Theme is { } themeId)
        {
            query = query.Where(p => p.Themes.Any(t => t.ThemeId == themeId));
        }
        if (Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }
        if (Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        if (Partnership is { } partnershipId)
        {
            query = query.Where(p => p.PartnershipId == partnershipId);
        }
        Evidence = await NeedEvidence.LoadAsync(db, cache, regionId, cancellationToken);
        // The view nearly every visit asks for: its pages as shown (rows, names, need evidence) kept per data version, so the
        // table is rendered once for each (<render-once>). A proposal, an endorsement or a proposal's themes move the programme
        // version, a theme's or partnership's name the reference version, the survey's answers the needs version.
        (Proposals, Kept) = IsDefaultView
            ? await cache.PageAsync(db, [DataScopes.Programme, DataScopes.Needs, DataScopes.Reference], $"proposals:{regionId}", page,
                ct => ReadAsync(query, regionId, page, ct), cancellationToken)
            : (await ReadAsync(query, regionId, page, cancellationToken), null);
        Themes = await ThemeChoices.ListAsync(reference, db, cancellationToken);
        Partnerships = (await reference.PartnershipsAsync(db, regionId, cancellationToken))
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(UkTime.Culture))).ToList();
        return Page();
    }

    /// <summary>A page of the list as shown, with its proposals' names, themes and need evidence.</summary>
    private async Task<Paged<Row>> ReadAsync(IQueryable<Proposal> query, int regionId, int page, CancellationToken ct)
    {
        IQueryable<RowData> Rows(IQueryable<Proposal> proposals) => Inline.Bind(RowsOf, db, proposals);
        Paged<RowData> found;
        if (IsDefaultView)
        {
            // The view nearly every visit asks for, compiled (see DefaultView); a page past the last is read backwards as below.
            found = await PagingExtensions.FromCompiledAsync((skip, take) => DefaultView.For(db)(db, regionId, skip, take),
                page, PagingExtensions.DefaultPageSize,
                () => Rows(Inline.Bind(ByEndorsements, db, query)).LastPageInOneQueryAsync(PagingExtensions.DefaultPageSize, ct),
                ct);
        }
        else if (Sort == ProposalSort.Need)
        {
            // Need evidence comes from the survey's answers, not a column: order the matching proposals' ids in memory, then load one page.
            var all = await query.Select(p => new { p.Id, p.CreatedAt, Themes = p.Themes.Select(t => t.ThemeId).ToList() }).ToListAsync(ct);
            var pages = Math.Max(1, (int)Math.Ceiling(all.Count / (double)PagingExtensions.DefaultPageSize));
            var number = Math.Clamp(page, 1, pages);
            var ids = all.OrderByDescending(p => Evidence.PartnershipsWithHighNeed(p.Themes)).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
                .Skip((number - 1) * PagingExtensions.DefaultPageSize).Take(PagingExtensions.DefaultPageSize).Select(p => p.Id).ToList();
            var items = await Rows(query.Where(p => ids.Contains(p.Id))).ToListAsync(ct);
            found = new Paged<RowData>(items.OrderBy(r => ids.IndexOf(r.Id)).ToList(), number, PagingExtensions.DefaultPageSize, all.Count);
        }
        else
        {
            var ordered = Sort == ProposalSort.Newest
                ? query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
                : Inline.Bind(ByEndorsements, db, query);
            found = await Rows(ordered).ToPagedInOneQueryAsync(page, cancellationToken: ct);
        }
        var partnershipNames = await reference.PartnershipNamesAsync(db, ct);
        var themeNames = await reference.ThemeNamesAsync(db, ct);
        return new Paged<Row>(found.Items.Select(r =>
            {
                var themeIds = JoinedIds.Parse(r.ThemeIds);
                return new Row(r.Id, r.Title, r.Kind, r.Status, partnershipNames.GetValueOrDefault(r.PartnershipId, ""), r.HostOffer, r.CreatedAt,
                    r.Endorsing, Evidence.PartnershipsWithHighNeed(themeIds), themeIds.Select(t => themeNames.GetValueOrDefault(t, "")).Order().ToList());
            }).ToList(),
            found.PageNumber, found.PageSize, found.TotalCount);
    }

    private string? _pageUrl;

    /// <summary>The address of another page of the same list (the filters routed once, not for each link of the pager).</summary>
    public string PageUrl(int page) =>
        (_pageUrl ??= Url.Page("/Proposals/Index", new { theme = Theme, kind = Kind, status = Status, partnership = Partnership,
            sort = Sort == ProposalSort.Endorsements ? null : (ProposalSort?)Sort })!).WithPageNumber(page);

    /// <summary>No filter and the first sort: the view nearly every visit asks for.</summary>
    private bool IsDefaultView => Theme is null && Kind is null && Status is null && Partnership is null && Sort == ProposalSort.Endorsements;

    /// <summary>The partnerships endorsing a proposal, each counted once.</summary>
    internal static readonly Expression<Func<AppDbContext, int, int>> EndorsingOf = (db, proposalId) =>
        db.ProposalEndorsements.Where(e => e.ProposalId == proposalId).Select(e => e.PartnershipId).Distinct().Count();

    /// <summary>Most partnerships endorsing first, then the newest.</summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<Proposal>, IQueryable<Proposal>>> ByEndorsements = (db, proposals) =>
        proposals.OrderByDescending(p => EndorsingOf.Apply(db, p.Id)).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id);

    /// <summary>
    /// A proposal as the list shows it, its theme ids joined in one column (<see cref="JoinedIds"/>): the page is one query,
    /// where its themes were a second by the page's ids.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<Proposal>, IQueryable<RowData>>> RowsOf = (db, proposals) =>
        proposals.Select(p => new RowData(p.Id, p.Title, p.Kind, p.Status, p.PartnershipId, p.HostOffer, p.CreatedAt, EndorsingOf.Apply(db, p.Id),
            JoinedIds.ProposalThemes.Apply(db, p.Id)));

    /// <summary>
    /// The region's proposals by endorsements, a page of them with the total (as <see cref="PagingExtensions.ToPagedInOneQueryAsync"/>),
    /// compiled once: composed on each request, EF's work to find the SQL for the expression was a tenth of the page's CPU.
    /// The page is chosen by ids and sort keys, then joined to its proposals, so SQLite works out each row's themes and
    /// endorsements for the page's rows, not for every proposal of the region it sorts (the same HTML; +26 %).
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, int, int, IAsyncEnumerable<Counted<RowData>>>> DefaultView = new(() => EF.CompileAsyncQuery(
        Inline.Expand<Func<AppDbContext, int, int, int, IQueryable<Counted<RowData>>>>((db, regionId, skip, take) =>
            RowsOf.Apply(db, ByEndorsements.Apply(db, db.Proposals.AsNoTracking().Where(p => p.RegionId == regionId)).Skip(skip).Take(take)
                    .Join(db.Proposals, page => page.Id, p => p.Id, (page, p) => p))
                .Select(r => new Counted<RowData> { Row = r, Total = db.Proposals.Count(p => p.RegionId == regionId) }))));

    private sealed record RowData(int Id, string Title, ProposalKind Kind, ProposalStatus Status, int PartnershipId, HostOffer HostOffer,
        DateTime CreatedAt, int Endorsing, string? ThemeIds);

    public sealed record Row(int Id, string Title, ProposalKind Kind, ProposalStatus Status, string Partnership, HostOffer HostOffer,
        DateTime CreatedAt, int PartnershipsEndorsing, int PartnershipsWithHighNeed, IReadOnlyList<string> Themes);
}
