using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>A new programme: admins for any region, coordinators for their own.</summary>
public class NewProgrammeModel(AppDbContext db, CurrentUser me, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    /// <summary>The region (admins choose; a coordinator's is their own).</summary>
    [BindProperty]
    [Display(Name = "region")]
    public int? RegionId { get; set; }

    public IReadOnlyList<SelectListItem> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        RegionId = me.RegionId;
        var region = RegionId ?? await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        Input.ThemeIds = await db.Themes.AsNoTracking().Where(t => t.IsActive).Select(t => t.Id).ToListAsync(cancellationToken);
        Input.PartnershipIds = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == region && p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var regionId = me.IsAdmin ? RegionId : me.RegionId;
        if (regionId is null || !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            ModelState.AddModelError(nameof(RegionId), "Select the region");
            return await ShowAsync(cancellationToken);
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(regionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        await Input.ValidateAsync(db, regionId.Value, null, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            var programme = new Domain.Programme.Programme(regionId.Value, Input.Name, Input.Aim, Input.StartsOn!.Value, Input.EndsOn!.Value, Input.Budget!.Value);
            Input.ApplyTo(programme);
            db.Programmes.Add(programme);
            db.Audit(me.Id, "programme.created", programme, programme.Name);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{programme.Name} has been added.");
            return RedirectToPage("/Admin/Programme", new { id = programme.Id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Admin);
        if (me.IsAdmin)
        {
            Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new SelectListItem(r.Name, r.Id.ToString())).ToListAsync(cancellationToken);
        }
        var region = (me.IsAdmin ? RegionId : null) ?? me.RegionId ?? 0;
        var (themes, partnerships) = await ProgrammeInput.ChoicesAsync(db, region, Input, cancellationToken);
        ViewData["Themes"] = themes;
        ViewData["Partnerships"] = partnerships;
        return Page();
    }
}
