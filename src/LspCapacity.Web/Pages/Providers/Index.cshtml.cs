using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>
/// The provider register: organisations and what they offer, filtered by kind, partner or independent,
/// theme, region covered and free offers, paged. A fixed number of queries whatever the size: one page of
/// organisations, then the regions and offer kinds of that page.
/// </summary>
[Authorize(Policy = Policies.ProviderRegister)]
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public OrganisationKind? Kind { get; set; }

    /// <summary>"partner" or "independent".</summary>
    [BindProperty(SupportsGet = true)] public string? Standing { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    [BindProperty(SupportsGet = true)] public bool Free { get; set; }
    [BindProperty(SupportsGet = true)] public bool Inactive { get; set; }

    public Paged<Row> Organisations { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Regions { get; private set; } = [];
    public IReadOnlyDictionary<int, string> RegionNames { get; private set; } = new Dictionary<int, string>();
    public ILookup<int, int> RegionsCovered { get; private set; } = Array.Empty<int>().ToLookup(i => i);
    public ILookup<int, OfferKind> OfferKinds { get; private set; } = Array.Empty<OfferKind>().ToLookup(k => 0);
    public bool RunsRegister { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Providers);
        RunsRegister = ProviderRule.RunsRegister(User);
        var query = db.Organisations.AsNoTracking();
        if (!(Inactive && RunsRegister))
        {
            query = query.Where(o => o.IsActive);
        }
        if (Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }
        // Kinds are stored by name: compare with the list, not by order.
        var partnerKinds = Organisation.PartnerKinds.ToList();
        if (Standing == "partner")
        {
            query = query.Where(o => partnerKinds.Contains(o.Kind));
        }
        else if (Standing == "independent")
        {
            query = query.Where(o => !partnerKinds.Contains(o.Kind));
        }
        // Offer filters: the organisation has a live offer that matches every one of them.
        var live = db.Offers.AsNoTracking().Where(f => !f.IsWithdrawn);
        if (Theme is { } themeId)
        {
            live = live.Where(f => f.Themes.Any(t => t.ThemeId == themeId));
        }
        if (Free)
        {
            live = live.Where(f => f.DayRate == null || f.DayRate == 0);
        }
        if (Region is { } regionId)
        {
            live = live.Where(f => f.Regions.Any(r => r.RegionId == regionId));
        }
        if (Theme is not null || Free || Region is not null)
        {
            query = query.Where(o => live.Any(f => f.OrganisationId == o.Id));
        }
        Organisations = await query.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.IsActive,
                db.Offers.Count(f => f.OrganisationId == o.Id && !f.IsWithdrawn),
                db.Offers.Count(f => f.OrganisationId == o.Id && !f.IsWithdrawn && (f.DayRate == null || f.DayRate == 0)),
                db.Offers.Where(f => f.OrganisationId == o.Id && !f.IsWithdrawn && f.DayRate != null && f.DayRate > 0).Min(f => f.DayRate)))
            .ToPagedAsync(Math.Max(1, page), cancellationToken: cancellationToken);

        var ids = Organisations.Items.Select(o => o.Id).ToList();
        RegionsCovered = (await db.Set<OrganisationRegion>().AsNoTracking().Where(r => ids.Contains(r.OrganisationId))
            .Select(r => new { r.OrganisationId, r.RegionId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.OrganisationId, r => r.RegionId);
        OfferKinds = (await db.Offers.AsNoTracking().Where(f => ids.Contains(f.OrganisationId) && !f.IsWithdrawn)
            .Select(f => new { f.OrganisationId, f.Kind }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(f => f.OrganisationId, f => f.Kind);
        Themes = await ThemeChoices.ListAsync(db, cancellationToken);
        var regions = await ProviderText.RegionNamesAsync(db, cancellationToken);
        RegionNames = regions;
        Regions = regions.OrderBy(r => r.Value).Select(r => new SelectListItem(r.Value, r.Key.ToString(UkTime.Culture))).ToList();
        return Page();
    }

    public string PageUrl(int page) =>
        Url.Page("/Providers/Index", new { kind = Kind, standing = Standing, theme = Theme, region = Region, free = Free ? true : (bool?)null,
            inactive = Inactive ? true : (bool?)null })!.WithPageNumber(page);

    public sealed record Row(int Id, string Name, OrganisationKind Kind, bool IsActive, int Offers, int FreeOffers, decimal? LowestDayRate);
}
