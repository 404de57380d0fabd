using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Partnerships;

/// <summary>The region's LSPs, filtered and paged. Admins can look at any region.</summary>
public class IndexModel(AppDbContext db, CurrentUser me, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AreaType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public bool NrfOnly { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeInactive { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Partnerships { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Regions { get; private set; } = [];
    public string RegionName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData.SetSection(SiteSection.Partnerships);
        var regionId = me.IsAdmin && Region is not null ? Region.Value : me.RegionId;
        if (regionId is null)
        {
            return Forbid();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(regionId), Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        if (me.IsAdmin)
        {
            Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name)
                .Select(r => new SelectListItem(r.Name, r.Id.ToString())).ToListAsync(cancellationToken);
        }

        var query = db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId);
        if (!IncludeInactive || !me.IsCoordinator)
        {
            query = query.Where(p => p.IsActive);
        }
        if (Type is not null)
        {
            query = query.Where(p => p.AreaType == Type);
        }
        if (NrfOnly)
        {
            query = query.Where(p => p.ReceivesNrf);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Lower-cased on both sides: case-insensitive on SQLite and PostgreSQL alike.
            var term = Q.Trim().ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(term));
        }
        Partnerships = await query
            .OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.AreaType, p.County == null ? null : p.County.Name, p.ReceivesNrf, p.IsActive,
                db.Users.Count(u => u.PartnershipId == p.Id && u.IsActive && u.Role == Roles.LspStaff)))
            .ToPagedAsync(PageNumber, 50, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) =>
        Url.Page("/Partnerships/Index", new
        {
            q = string.IsNullOrWhiteSpace(Q) ? null : Q, type = Type,
            nrfonly = NrfOnly ? "true" : null, includeinactive = IncludeInactive ? "true" : null, region = Region,
        })!.WithPageNumber(page);

    public sealed record Row(int Id, string Name, AreaType AreaType, string? County, bool ReceivesNrf, bool IsActive, int StaffCount);
}
