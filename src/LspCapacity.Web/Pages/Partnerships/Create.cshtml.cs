using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Partnerships;

[Authorize(Policy = Policies.InARegion)]
public class CreateModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty]
    public PartnershipInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        ViewData["Counties"] = await PartnershipInput.CountiesAsync(db, regionId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        await Input.ValidateAsync(db, regionId, null, ModelState, cancellationToken);
        if (ModelState.IsValid)
        {
            try
            {
                var partnership = new Partnership(regionId, Input.Name, Input.AreaType!.Value, Input.ReceivesNrf, Input.CountyId);
                db.Partnerships.Add(partnership);
                db.Audit(me.Id, "partnership.created", partnership, partnership.Name);
                await db.SaveChangesAsync(cancellationToken);
                TempData.SetSuccess($"{partnership.Name} has been added.");
                return RedirectToPage("/Partnerships/Details", new { id = partnership.Id });
            }
            catch (DomainException e)
            {
                this.Refused(e, db);
            }
        }
        ViewData["Counties"] = await PartnershipInput.CountiesAsync(db, regionId, cancellationToken);
        return Page();
    }
}
