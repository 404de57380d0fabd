using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LspCapacity.Web.Pages.Placements;

/// <summary>LSP staff ask for mentoring, coaching, shadowing or a secondment; coordinators see the queue.</summary>
public class RequestModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (me.PartnershipId is null || me.RegionId is null)
        {
            return Forbid();
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (me.PartnershipId is not { } partnershipId || me.RegionId is not { } regionId)
        {
            return Forbid();
        }
        await ThemeChoices.ValidateAsync(db, Input.ThemeIds, ModelState, "Input.ThemeIds", cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            var request = new SupportRequest(regionId, partnershipId, me.RequiredId, Input.Kind!.Value, Input.ThemeIds, Input.Goals,
                Input.PreferredDates, clock.GetUtcNow().UtcDateTime);
            db.SupportRequests.Add(request);
            db.Audit(me.Id, "support.requested", request, request.Kind.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
        TempData.SetSuccess("Your request has been sent. A coordinator will suggest someone and introduce you both by email.");
        return RedirectToPage("/Placements/Index");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Placements);
        Themes = await ThemeChoices.ListAsync(db, cancellationToken);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Select the kind of support")]
        [EnumDataType(typeof(PlacementKind), ErrorMessage = "Select the kind of support")]
        [Display(Name = "kind of support")]
        public PlacementKind? Kind { get; set; }

        [Display(Name = "themes")]
        public List<int> ThemeIds { get; set; } = [];

        [Required(ErrorMessage = "Enter what you want to achieve")]
        [StringLength(2000, ErrorMessage = "Goals must be 2,000 characters or fewer")]
        public string Goals { get; set; } = "";

        [StringLength(300, ErrorMessage = "Preferred dates must be 300 characters or fewer")]
        public string? PreferredDates { get; set; }
    }
}
