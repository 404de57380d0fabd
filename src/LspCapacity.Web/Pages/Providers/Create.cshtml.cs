using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>A coordinator (or admin) adds an organisation to the provider register.</summary>
public class CreateModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (me.RegionId is { } regionId)
        {
            Input.RegionIds = [regionId];
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await Input.ValidateAsync(db, null, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            var organisation = Organisation.Create(Input.Name, Input.Kind!.Value, Input.Website, Input.Description, Input.RegionIds, clock.GetUtcNow().UtcDateTime);
            db.Organisations.Add(organisation);
            db.Audit(me.Id, "organisation.added", organisation, organisation.Name);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{organisation.Name} is on the register. Add its offers and contacts.");
            return RedirectToPage("/Providers/Details", new { id = organisation.Id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
        catch (DbUpdateException)
        {
            // Another coordinator added the same name meanwhile: the unique index said so.
            db.ChangeTracker.Clear();
            if (!await db.Organisations.AnyAsync(o => o.Name == Input.Name.Trim(), cancellationToken))
            {
                throw;
            }
            ModelState.AddModelError("Input.Name", "An organisation with this name is already on the register");
            return await ShowAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Providers);
        ViewData["Regions"] = await ProviderText.RegionsAsync(db, cancellationToken);
        return Page();
    }
}
