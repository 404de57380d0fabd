using System.Linq.Expressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// Brokerage requests: a partnership's staff see their partnership's, the region's brokers and coordinators
/// the region's; filtered by state, newest first, paged. A fixed number of queries whatever the size: the page with its
/// total and each row's project in one (compiled); the partnership and theme names are held in memory.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me, ReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)] public BrokerageRequestStatus? Status { get; set; }

    public Paged<Row> Requests { get; private set; } = default!;
    public bool CanAsk => me.IsLspStaff && me.PartnershipId is not null && me.RegionId is not null;
    public bool IsBroker => me.IsBroker;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Brokerage);
        var scope = BrokerageAccess.ScopeOf(me);
        if (scope.None)
        {
            Requests = new Paged<Row>([], 1, PagingExtensions.DefaultPageSize, 0);
            return Page();
        }
        var status = Status;
        Func<int, int, IAsyncEnumerable<Counted<RowData>>> Read(PerEngine<PageQuery> query) => (skip, take) =>
            query.For(db)(db, scope.RegionId, scope.PartnershipId, status, skip, take);
        var found = await PagingExtensions.FromCompiledAsync(Read(NewestFirst), page, PagingExtensions.DefaultPageSize, Read(OldestFirst),
            cancellationToken);
        var partnerships = await reference.PartnershipNamesAsync(db, cancellationToken);
        var themes = await reference.ThemeNamesAsync(db, cancellationToken);
        Requests = new Paged<Row>(found.Items.Select(r => new Row(r.Id, r.What, partnerships.GetValueOrDefault(r.PartnershipId, ""),
                r.NeedThemeId is { } theme ? themes.GetValueOrDefault(theme, "") : null, r.Project, r.WantedBy, r.BudgetCeiling, r.Status,
                r.CreatedAt)).ToList(),
            found.PageNumber, found.PageSize, found.TotalCount);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Brokerage/Index", new { status = Status, page })!;

    /// <summary>
    /// A page of the requests in a region (null: every region) and of a partnership (null: every one of it), of a state
    /// (null: any), with the total; compiled once for each order (a page past the last is read the other way round). A
    /// filter not given is a null parameter, whose condition EF leaves out of the SQL. The page is chosen by ids and dates,
    /// then joined to its requests, so SQLite looks up each row's project for the page's rows, not for every request it sorts.
    /// </summary>
    private delegate IAsyncEnumerable<Counted<RowData>> PageQuery(AppDbContext db, int? regionId, int? partnershipId,
        BrokerageRequestStatus? status, int skip, int take);

    private static readonly PerEngine<PageQuery> NewestFirst = new(() => Compile((db, requests) => requests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)));
    private static readonly PerEngine<PageQuery> OldestFirst = new(() => Compile((db, requests) => requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)));

    /// <summary>The requests listed: of the region and the partnership given (null: any), in the state given (null: any).</summary>
    private static readonly Expression<Func<BrokerageRequest, int?, int?, BrokerageRequestStatus?, bool>> Listed = (r, regionId, partnershipId, status) =>
        (regionId == null || r.RegionId == regionId) && (partnershipId == null || r.PartnershipId == partnershipId) && (status == null || r.Status == status);

    private static PageQuery Compile(Expression<Func<AppDbContext, IQueryable<BrokerageRequest>, IQueryable<BrokerageRequest>>> order)
    {
        var query = EF.CompileAsyncQuery(Inline.Expand<Func<AppDbContext, int?, int?, BrokerageRequestStatus?, int, int, IQueryable<Counted<RowData>>>>(
            (db, regionId, partnershipId, status, skip, take) =>
                order.Apply(db, db.BrokerageRequests.AsNoTracking().Where(r => Listed.Apply(r, regionId, partnershipId, status)))
                    .Select(r => new { r.Id, r.CreatedAt })
                    .Skip(skip).Take(take)
                    .Join(db.BrokerageRequests, chosen => chosen.Id, r => r.Id, (chosen, r) => r)
                    .Select(r => new Counted<RowData>
                    {
                        Row = new RowData(r.Id, r.What, r.PartnershipId, r.NeedThemeId,
                            r.ProjectId == null ? null : db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Title).First(),
                            r.WantedBy, r.BudgetCeiling, r.Status, r.CreatedAt),
                        Total = db.BrokerageRequests.Count(c => Listed.Apply(c, regionId, partnershipId, status)),
                    })));
        return (db, regionId, partnershipId, status, skip, take) => query(db, regionId, partnershipId, status, skip, take);
    }

    private sealed record RowData(int Id, string What, int PartnershipId, int? NeedThemeId, string? Project, DateOnly WantedBy,
        decimal BudgetCeiling, BrokerageRequestStatus Status, DateTime CreatedAt);

    public sealed record Row(int Id, string What, string Partnership, string? Need, string? Project, DateOnly WantedBy, decimal Ceiling,
        BrokerageRequestStatus Status, DateTime CreatedAt)
    {
        public string Summary => What.Length > 90 ? What[..90].TrimEnd() + "…" : What;
    }
}
