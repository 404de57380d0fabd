using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>
/// The capacity themes (admins): shared by every region, reference data that every page reads from
/// <see cref="ReferenceData"/>; saving one moves the reference data version on, so every cache sees it at once.
/// </summary>
public class ThemesModel(AppDbContext db, CurrentUser me) : PageModel
{
    public sealed record Row(int Id, string Name, string Description, bool IsActive);

    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    public IReadOnlyList<Row> Themes { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Themes.AnyAsync(t => t.Name == name, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", "There is already a theme with this name");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            var code = ThemeInput.CodeFor(name);
            var codes = await db.Themes.Where(t => t.Code.StartsWith(code)).Select(t => t.Code).ToListAsync(cancellationToken);
            var unique = code;
            for (var n = 2; codes.Contains(unique); n++)
            {
                unique = $"{code}-{n}";
            }
            var position = (await db.Themes.MaxAsync(t => (int?)t.Position, cancellationToken) ?? 0) + 1;
            var theme = new Theme(unique, name, Input.Description ?? "", position);
            db.Themes.Add(theme);
            db.Audit(me.Id, "theme.created", theme, theme.Name);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{theme.Name} has been added.");
            return RedirectToPage("/Admin/Themes");
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Admin);
        Themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position)
            .Select(t => new Row(t.Id, t.Name, t.Description, t.IsActive)).ToListAsync(cancellationToken);
        return Page();
    }
}

public sealed class ThemeInput
{
    [Required(ErrorMessage = "Enter the theme's name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string Name { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Description must be 1000 characters or fewer")]
    public string? Description { get; set; }

    public static string CodeFor(string name)
    {
        var code = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        code = string.Join('-', code.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return code.Length == 0 ? "theme" : code[..Math.Min(code.Length, 50)];
    }
}
