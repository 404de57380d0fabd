using System.Linq.Expressions;
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
/// organisations with the total, then their regions and offers (the names of themes and regions are held in memory).
/// </summary>
[Authorize(Policy = Policies.ProviderRegister)]
public class IndexModel(AppDbContext db, ReferenceData reference, FiguresCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public OrganisationKind? Kind { get; set; }

    /// <summary>"partner" or "independent".</summary>
    [BindProperty(SupportsGet = true)] public string? Standing { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    [BindProperty(SupportsGet = true)] public bool Free { get; set; }
    [BindProperty(SupportsGet = true)] public bool Inactive { get; set; }

    public Paged<Row> Organisations { get; private set; } = default!;

    /// <summary>The page as the figures cache keeps it (the default view), or null: its table is then rendered once for each.</summary>
    public object? Kept { get; private set; }
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Regions { get; private set; } = [];
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
        // The view nearly every visit asks for: its pages as shown kept per data version (the register moves the programme
        // version, a region's name the reference version), the same for everyone, so the table is rendered once for each.
        (Organisations, Kept) = IsDefaultView
            ? await cache.PageAsync(db, [DataScopes.Programme, DataScopes.Reference], "providers", page, ct => ReadAsync(query, page, ct),
                cancellationToken)
            : (await ReadAsync(query, page, cancellationToken), null);
        var regions = await reference.RegionsAsync(db, cancellationToken);
        Themes = await ThemeChoices.ListAsync(reference, db, cancellationToken);
        Regions = regions.OrderBy(r => r.Name).Select(r => new SelectListItem(r.Name, r.Id.ToString(UkTime.Culture))).ToList();
        return Page();
    }

    /// <summary>A page of the list as shown, with each organisation's regions and live offers.</summary>
    private async Task<Paged<Row>> ReadAsync(IQueryable<Organisation> query, int page, CancellationToken ct)
    {
        // The page of organisations with the total in one round trip, then the regions each works in and its live offers (a
        // handful each) by the ids just read, as rows of one shape in a second. Not as collections in the first: EF's shaper for
        // a nested collection builds a delegate on every run, measured at a sixth of the page's CPU. The names of themes and
        // regions come from memory (ReferenceData). The view nearly every visit asks for (no filter) and the second query are
        // compiled (see DefaultView).
        var ordered = Inline.Bind(RowsByName, db, query);
        var found = IsDefaultView
            ? await PagingExtensions.FromCompiledAsync((skip, take) => DefaultView.For(db)(db, skip, take), page, PagingExtensions.DefaultPageSize,
                () => ordered.LastPageInOneQueryAsync(PagingExtensions.DefaultPageSize, ct), ct)
            : await ordered.ToPagedInOneQueryAsync(page, cancellationToken: ct);
        var ids = found.Items.Select(o => o.Id).ToList();
        var parts = ids.Count == 0 ? [] : await PartsOf.For(db)(db, ids).ToListAsync(ct);
        var regionsOf = parts.Where(x => x.RegionId is not null).ToLookup(x => x.OrganisationId, x => x.RegionId!.Value);
        var offersOf = parts.Where(x => x.OfferKind is not null).ToLookup(x => x.OrganisationId, x => (Kind: x.OfferKind!.Value, x.DayRate));
        var regions = await reference.RegionsAsync(db, ct);
        var regionNames = regions.ToDictionary(r => r.Id, r => r.Name);
        return new Paged<Row>(found.Items.Select(o =>
            {
                var offers = offersOf[o.Id].ToList();
                return new Row(o.Id, o.Name, o.Kind, o.IsActive, offers.Count,
                    offers.Count(f => f.DayRate is null or 0), offers.Where(f => f.DayRate > 0).Min(f => f.DayRate),
                    regionsOf[o.Id].Select(id => regionNames.GetValueOrDefault(id, "")).Order().ToList(),
                    offers.Select(f => f.Kind).Distinct().Order().ToList());
            }).ToList(),
            found.PageNumber, found.PageSize, found.TotalCount);
    }

    private string? _pageUrl;

    /// <summary>The address of another page of the same list (the filters routed once, not for each link of the pager).</summary>
    public string PageUrl(int page) =>
        (_pageUrl ??= Url.Page("/Providers/Index", new { kind = Kind, standing = Standing, theme = Theme, region = Region, free = Free ? true : (bool?)null,
            inactive = Inactive && RunsRegister ? true : (bool?)null })!).WithPageNumber(page);

    /// <summary>No filter: the active organisations (for everyone; those who run the register may also ask for the inactive).</summary>
    private bool IsDefaultView => Kind is null && Standing is null && Theme is null && Region is null && !Free && !(Inactive && RunsRegister);

    /// <summary>The organisations by name, as the list shows them: one rule for the compiled unfiltered view and the filtered ones.</summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<Organisation>, IQueryable<RowData>>> RowsByName = (db, organisations) =>
        organisations.OrderBy(o => o.Name).Select(o => new RowData(o.Id, o.Name, o.Kind, o.IsActive));

    /// <summary>The active organisations by name, a page of them with the total (as <see cref="PagingExtensions.ToPagedInOneQueryAsync"/>), compiled once.</summary>
    private static readonly PerEngine<Func<AppDbContext, int, int, IAsyncEnumerable<Counted<RowData>>>> DefaultView = new(() => EF.CompileAsyncQuery(
        Inline.Expand<Func<AppDbContext, int, int, IQueryable<Counted<RowData>>>>((db, skip, take) =>
            RowsByName.Apply(db, db.Organisations.AsNoTracking().Where(o => o.IsActive)).Skip(skip).Take(take)
                .Select(r => new Counted<RowData> { Row = r, Total = db.Organisations.Count(o => o.IsActive) }))));

    /// <summary>
    /// The live offers and the regions of the organisations shown, as rows of one shape (the offers first: a union column takes
    /// its type from the first query, and the offer's kind is stored by name), compiled once; the ids are one parameter.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, List<int>, IAsyncEnumerable<Part>>> PartsOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, List<int> ids) => db.Offers.AsNoTracking().Where(f => ids.Contains(f.OrganisationId) && !f.IsWithdrawn)
            .Select(f => new Part { OrganisationId = f.OrganisationId, RegionId = null, OfferKind = f.Kind, DayRate = f.DayRate })
            .Concat(db.Set<OrganisationRegion>().Where(r => ids.Contains(r.OrganisationId))
                .Select(r => new Part { OrganisationId = r.OrganisationId, RegionId = r.RegionId, OfferKind = null, DayRate = null }))));

    private sealed record RowData(int Id, string Name, OrganisationKind Kind, bool IsActive);

    /// <summary>One of an organisation's live offers (its kind and day rate) or one region it works in (members set, not a constructor: EF unions only those).</summary>
    private sealed class Part
    {
        public int OrganisationId { get; init; }
        public int? RegionId { get; init; }
        public OfferKind? OfferKind { get; init; }
        public decimal? DayRate { get; init; }
    }


    /// <summary>An organisation: its offers not withdrawn, how many are free, the lowest day rate of the others, the regions it works in (names, in order) and its kinds of offer.</summary>
    public sealed record Row(int Id, string Name, OrganisationKind Kind, bool IsActive, int Offers, int FreeOffers, decimal? LowestDayRate,
        IReadOnlyList<string> RegionsCovered, IReadOnlyList<OfferKind> OfferKinds);
}
