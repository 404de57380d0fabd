using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages;

/// <summary>The one way a form offers themes and checks what came back.</summary>
public static class ThemeChoices
{
    /// <summary>The active themes, from memory (<see cref="ReferenceData"/>): new items each time, as a form may mark one selected.</summary>
    public static async Task<List<SelectListItem>> ListAsync(ReferenceData reference, AppDbContext db, CancellationToken cancellationToken) =>
        (await reference.ThemesAsync(db, cancellationToken)).Where(t => t.IsActive)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static Task<List<SelectListItem>> ListAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Position)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync(cancellationToken);

    /// <summary>At least one theme, and only themes that exist: an unknown id is a clear error, not a foreign-key failure.</summary>
    public static async Task ValidateAsync(AppDbContext db, IReadOnlyCollection<int> themeIds, ModelStateDictionary modelState, string key,
        CancellationToken cancellationToken, string emptyMessage = "Select at least one theme")
    {
        if (themeIds.Count == 0)
        {
            modelState.AddModelError(key, emptyMessage);
        }
        else if (await db.Themes.CountAsync(t => themeIds.Contains(t.Id), cancellationToken) != themeIds.Distinct().Count())
        {
            modelState.AddModelError(key, "Select themes from the list");
        }
    }
}
