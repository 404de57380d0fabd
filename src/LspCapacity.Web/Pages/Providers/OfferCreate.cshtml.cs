using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>Adds an offer to an organisation: a coordinator or admin for any, a provider contact for their own.</summary>
public class OfferCreateModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public OfferInput Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, organisation, Operations.Change)).Succeeded)
        {
            return Forbid();
        }
        var today = UkTime.Today(clock);
        Input.ProgrammeId = await db.Programmes.AsNoTracking()
            .OrderByDescending(p => p.RegionId == me.RegionId).ThenByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        Input.RegionIds = await db.Set<OrganisationRegion>().AsNoTracking().Where(r => r.OrganisationId == id).Select(r => r.RegionId).ToListAsync(cancellationToken);
        Input.SecondeeHomeOrganisationId = organisation.IsPartnerOrganisation ? organisation.Id : null;
        return await ShowAsync(organisation, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, organisation, Operations.Change)).Succeeded)
        {
            return Forbid();
        }
        var home = await Input.ValidateAsync(db, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(organisation, cancellationToken);
        }
        try
        {
            var offer = Offer.Create(organisation, Input.ProgrammeId!.Value, Input.Details(), home, clock.GetUtcNow().UtcDateTime);
            db.Offers.Add(offer);
            db.Audit(me.Id, "offer.added", offer, offer.Title);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"\u201c{offer.Title}\u201d is on the register.");
            return RedirectToPage("/Providers/OfferDetails", new { id = offer.Id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(organisation, cancellationToken));
        }
    }

    private async Task<IActionResult> ShowAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Providers);
        ViewData["Choices"] = await OfferChoices.LoadAsync(db, cancellationToken);
        Organisation = organisation;
        return Page();
    }
}
