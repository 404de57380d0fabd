using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Partnerships;

public class EditModel(AppDbContext db, CurrentUser me, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public PartnershipInput Input { get; set; } = new();

    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new PartnershipRecord(partnership.Id, partnership.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        CurrentName = partnership.Name;
        Input = new PartnershipInput
        {
            Name = partnership.Name,
            AreaType = partnership.AreaType,
            ReceivesNrf = partnership.ReceivesNrf,
            CountyId = partnership.CountyId,
        };
        ViewData["Counties"] = await PartnershipInput.CountiesAsync(db, partnership.RegionId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new PartnershipRecord(partnership.Id, partnership.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        CurrentName = partnership.Name;
        await Input.ValidateAsync(db, partnership.RegionId, id, ModelState, cancellationToken);
        if (ModelState.IsValid)
        {
            try
            {
                partnership.Update(Input.Name, Input.AreaType!.Value, Input.ReceivesNrf, Input.CountyId);
                db.Audit(me.Id, "partnership.updated", partnership, partnership.Name);
                await db.SaveChangesAsync(cancellationToken);
                TempData.SetSuccess($"{partnership.Name} has been updated.");
                return RedirectToPage("/Partnerships/Details", new { id });
            }
            catch (DomainException e)
            {
                this.Refused(e, db);
            }
        }
        ViewData["Counties"] = await PartnershipInput.CountiesAsync(db, partnership.RegionId, cancellationToken);
        return Page();
    }
}
