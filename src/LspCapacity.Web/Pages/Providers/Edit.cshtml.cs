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

/// <summary>A coordinator (or admin) changes what the register says about an organisation, or takes it off the register (and back).</summary>
public class EditModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();

    public int Id { get; private set; }
    public string CurrentName { get; private set; } = "";
    public bool IsActive { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!await MayManageAsync(organisation))
        {
            return Forbid();
        }
        Input = OrganisationInput.From(organisation);
        return await ShowAsync(organisation, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!await MayManageAsync(organisation))
        {
            return Forbid();
        }
        await Input.ValidateAsync(db, id, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(organisation, cancellationToken);
        }
        try
        {
            organisation.Edit(Input.Name, Input.Kind!.Value, Input.Website, Input.Description, Input.RegionIds, clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "organisation.edited", organisation, organisation.Name);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, async () => await ShowAsync(await LoadAsync(id, cancellationToken) ?? organisation, cancellationToken));
        }
        TempData.SetSuccess($"{organisation.Name} has been updated.");
        return RedirectToPage("/Providers/Details", new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        ChangeStandingAsync(id, o => o.Deactivate(clock.GetUtcNow().UtcDateTime), "organisation.deactivated",
            name => $"{name} is inactive: it is off the register and makes no new offers.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        ChangeStandingAsync(id, o => o.Reactivate(clock.GetUtcNow().UtcDateTime), "organisation.reactivated",
            name => $"{name} is back on the register.", cancellationToken);

    private async Task<IActionResult> ChangeStandingAsync(int id, Action<Organisation> change, string action, Func<string, string> message,
        CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!await MayManageAsync(organisation))
        {
            return Forbid();
        }
        try
        {
            change(organisation);
            db.Audit(me.Id, action, organisation);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.Clear();
            Input = OrganisationInput.From(organisation);
            return await this.RefusedAsync(e, db, async () => await ShowAsync(await LoadAsync(id, cancellationToken) ?? organisation, cancellationToken));
        }
        TempData.SetSuccess(message(organisation.Name));
        return RedirectToPage("/Providers/Details", new { id });
    }

    private Task<Organisation?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Organisations.Include(o => o.Regions).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    private async Task<bool> MayManageAsync(Organisation organisation) =>
        (await authorization.AuthorizeAsync(User, organisation, Operations.Manage)).Succeeded;

    private async Task<IActionResult> ShowAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Providers);
        ViewData["Regions"] = await ProviderText.RegionsAsync(db, cancellationToken);
        Id = organisation.Id;
        CurrentName = organisation.Name;
        IsActive = organisation.IsActive;
        return Page();
    }
}
