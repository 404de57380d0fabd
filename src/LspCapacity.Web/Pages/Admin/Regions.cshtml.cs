using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>The regions of the installation (admins): list and add.</summary>
public class RegionsModel(AppDbContext db, CurrentUser me) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, int Partnerships, int Programmes);

    [BindProperty]
    public RegionInput Input { get; set; } = new();

    public IReadOnlyList<Row> Regions { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = RegionInput.CodeFor(Input.Code);
        if (code.Length > 0 && await db.Regions.AnyAsync(r => r.Code == code, cancellationToken))
        {
            ModelState.AddModelError("Input.Code", "Another region already has this code");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            var region = new Region(code, Input.Name, Input.NameInSentence);
            db.Regions.Add(region);
            db.Audit(me.Id, "region.created", region, region.Name);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{region.Name} has been added. Add its programme next.");
            return RedirectToPage("/Admin/Regions");
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Admin);
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new Row(r.Id, r.Code, r.Name, db.Partnerships.Count(p => p.RegionId == r.Id && p.IsActive),
                db.Programmes.Count(p => p.RegionId == r.Id)))
            .ToListAsync(cancellationToken);
        return Page();
    }
}

public sealed class RegionInput
{
    [Required(ErrorMessage = "Enter a short code, for example north-west")]
    [StringLength(40, ErrorMessage = "Code must be 40 characters or fewer")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9 -]*$", ErrorMessage = "Code must use only letters, numbers, spaces and hyphens")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the region's name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string Name { get; set; } = "";

    [StringLength(200, ErrorMessage = "The name in a sentence must be 200 characters or fewer")]
    [Display(Name = "name in a sentence")]
    public string? NameInSentence { get; set; }

    public static string CodeFor(string? code) => string.Join('-', (code ?? "").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
