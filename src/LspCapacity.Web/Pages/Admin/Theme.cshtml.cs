using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>One theme (admins): rename it, retire it or bring it back.</summary>
public class ThemeModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    public Theme Theme { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        Input = new ThemeInput { Name = theme.Name, Description = theme.Description };
        return Show(theme);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        var name = Input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Themes.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", "There is already a theme with this name");
        }
        if (!ModelState.IsValid)
        {
            return Show(theme);
        }
        try
        {
            var before = theme.Name;
            theme.Update(name, Input.Description ?? "", theme.Position);
            db.Audit(me.Id, "theme.updated", theme, before == theme.Name ? theme.Name : $"{before} → {theme.Name}");
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{theme.Name} has been updated.");
            return RedirectToPage("/Admin/Themes");
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return Show(theme);
        }
    }

    public Task<IActionResult> OnPostRetireAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, t => t.Retire(), "theme.retired", "retired: it is no longer offered for new records", cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, t => t.Reinstate(), "theme.reinstated", "brought back into use", cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, Action<Theme> change, string action, string done, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        change(theme);
        db.Audit(me.Id, action, theme, theme.Name);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess($"{theme.Name} has been {done}.");
        return RedirectToPage("/Admin/Themes");
    }

    private PageResult Show(Theme theme)
    {
        ViewData.SetSection(SiteSection.Admin);
        Theme = theme;
        return Page();
    }
}
