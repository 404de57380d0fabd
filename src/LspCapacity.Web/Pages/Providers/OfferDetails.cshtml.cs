using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>One offer: what it is, its cost and days, and for a secondee the home organisation, release terms and the secondments that took it up.</summary>
public class OfferDetailsModel(AppDbContext db, IAuthorizationService authorization, ReferenceData reference, CurrentUser me) : PageModel
{
    public Offer Offer { get; private set; } = default!;
    public string OrganisationName { get; private set; } = "";
    public string? SecondeeHome { get; private set; }
    public string Programme { get; private set; } = "";
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public IReadOnlyList<string> Regions { get; private set; } = [];
    public IReadOnlyList<PlacementRow> Placements { get; private set; } = [];
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Providers);
        var offer = await db.Offers.AsNoTracking().Include(o => o.Themes).Include(o => o.Regions).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, offer, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Offer = offer;
        CanChange = !offer.IsWithdrawn && (await authorization.AuthorizeAsync(User, offer, Operations.Change)).Succeeded;
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == offer.OrganisationId || o.Id == offer.SecondeeHomeOrganisationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        OrganisationName = names[offer.OrganisationId];
        SecondeeHome = offer.SecondeeHomeOrganisationId is { } home ? names.GetValueOrDefault(home) : null;
        Programme = await db.Programmes.AsNoTracking().Where(p => p.Id == offer.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        var themes = await reference.ThemeNamesAsync(db, cancellationToken);
        Themes = offer.Themes.Select(t => themes.GetValueOrDefault(t.ThemeId, "")).ToList();
        var regions = await ProviderText.RegionNamesAsync(db, cancellationToken);
        Regions = offer.Regions.Select(r => regions.GetValueOrDefault(r.RegionId, "")).Order().ToList();
        Placements = (await db.Placements.AsNoTracking().Where(p => p.SecondmentOfferId == id)
            .OrderByDescending(p => p.StartsOn)
            .Select(p => new { p.Id, p.RegionId, p.StartsOn, p.EndsOn, p.Status, Partnership = db.Partnerships.Where(x => x.Id == p.MenteePartnershipId).Select(x => x.Name).First() })
            .ToListAsync(cancellationToken))
            .Select(p => new PlacementRow(p.Id, p.Partnership, p.StartsOn, p.EndsOn, p.Status, me.IsCoordinator && me.CanSeeRegion(p.RegionId)))
            .ToList();
        return Page();
    }

    /// <param name="CanOpen">The person may open the placement (its region's coordinators): otherwise the row is not a link.</param>
    public sealed record PlacementRow(int Id, string Partnership, DateOnly StartsOn, DateOnly EndsOn, PlacementStatus Status, bool CanOpen);
}
