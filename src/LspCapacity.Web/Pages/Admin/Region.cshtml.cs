using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>One region (admins): rename it.</summary>
public class RegionModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public string CurrentName { get; private set; } = "";
    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (region is null)
        {
            return NotFound();
        }
        Input = new EditInput { Name = region.Name, NameInSentence = region.NameInSentence };
        return Show(region.Name, region.Code);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (region is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Show(region.Name, region.Code);
        }
        try
        {
            region.Rename(Input.Name);
            region.SetNameInSentence(Input.NameInSentence);
            db.Audit(me.Id, "region.updated", region, region.Name);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{region.Name} has been updated.");
            return RedirectToPage("/Admin/Regions");
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return Show(Input.Name, region.Code);
        }
    }

    private PageResult Show(string name, string code)
    {
        ViewData.SetSection(SiteSection.Admin);
        CurrentName = name;
        Code = code;
        return Page();
    }

    public sealed class EditInput
    {
        [Required(ErrorMessage = "Enter the region's name")]
        [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
        public string Name { get; set; } = "";

        [StringLength(200, ErrorMessage = "The name in a sentence must be 200 characters or fewer")]
        [Display(Name = "name in a sentence")]
        public string? NameInSentence { get; set; }
    }
}
