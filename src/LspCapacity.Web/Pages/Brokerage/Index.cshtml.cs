using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// Brokerage requests: a partnership's staff see their partnership's, the region's brokers and coordinators
/// the region's; filtered by state, newest first, paged. A fixed number of queries whatever the size.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public BrokerageRequestStatus? Status { get; set; }

    public Paged<Row> Requests { get; private set; } = default!;
    public bool CanAsk => me.IsLspStaff && me.PartnershipId is not null && me.RegionId is not null;
    public bool IsBroker => me.IsBroker;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Brokerage);
        var query = BrokerageAccess.Visible(db, me).AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        Requests = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.What, db.Partnerships.Where(p => p.Id == r.PartnershipId).Select(p => p.Name).First(),
                r.NeedThemeId == null ? null : db.Themes.Where(t => t.Id == r.NeedThemeId).Select(t => t.Name).First(),
                r.ProjectId == null ? null : db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Title).First(),
                r.WantedBy, r.BudgetCeiling, r.Status, r.CreatedAt))
            .ToPagedInOneQueryAsync(Math.Max(1, page), cancellationToken: cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Brokerage/Index", new { status = Status, page })!;

    public sealed record Row(int Id, string What, string Partnership, string? Need, string? Project, DateOnly WantedBy, decimal Ceiling,
        BrokerageRequestStatus Status, DateTime CreatedAt)
    {
        public string Summary => What.Length > 90 ? What[..90].TrimEnd() + "…" : What;
    }
}
