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

/// <summary>Keeps an offer up to date, or withdraws it: a coordinator or admin for any, a provider contact for their own organisation's.</summary>
public class OfferEditModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public OfferInput Input { get; set; } = new();

    public int Id { get; private set; }
    public string CurrentTitle { get; private set; } = "";
    public int OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await LoadAsync(id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(offer))
        {
            return Forbid();
        }
        if (offer.IsWithdrawn)
        {
            return RedirectToPage("/Providers/OfferDetails", new { id });
        }
        Input = OfferInput.From(offer);
        return await ShowAsync(offer, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await LoadAsync(id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(offer))
        {
            return Forbid();
        }
        var home = await Input.ValidateAsync(db, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(offer, cancellationToken);
        }
        try
        {
            offer.Describe(Input.Details(), home, clock.GetUtcNow().UtcDateTime);
            offer.OfferFor(Input.ProgrammeId!.Value);
            db.Audit(me.Id, "offer.updated", offer, offer.Title);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, async () => await ShowAsync((await LoadAsync(id, cancellationToken))!, cancellationToken));
        }
        TempData.SetSuccess($"\u201c{offer.Title}\u201d has been updated.");
        return RedirectToPage("/Providers/OfferDetails", new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await LoadAsync(id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(offer))
        {
            return Forbid();
        }
        ModelState.Clear();
        try
        {
            offer.Withdraw(clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "offer.withdrawn", offer, offer.Title);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            Input = OfferInput.From(offer);
            return await this.RefusedAsync(e, db, async () => await ShowAsync((await LoadAsync(id, cancellationToken))!, cancellationToken));
        }
        TempData.SetSuccess($"\u201c{offer.Title}\u201d has been withdrawn from the register.");
        return RedirectToPage("/Providers/Details", new { id = offer.OrganisationId });
    }

    private Task<Offer?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Offers.Include(o => o.Themes).Include(o => o.Regions).AsSplitQuery().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    private async Task<bool> MayChangeAsync(Offer offer) =>
        (await authorization.AuthorizeAsync(User, offer, Operations.Change)).Succeeded;

    private async Task<IActionResult> ShowAsync(Offer offer, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Providers);
        ViewData["Choices"] = await OfferChoices.LoadAsync(db, cancellationToken);
        Id = offer.Id;
        CurrentTitle = offer.Title;
        OrganisationId = offer.OrganisationId;
        OrganisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == offer.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return Page();
    }
}
