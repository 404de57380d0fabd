using LspCapacity.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Infrastructure;

/// <summary>A refusal that belongs beside one field of the form.</summary>
public sealed class FieldException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// What a page does when the domain refuses a change (<see cref="DomainException"/>): forget what this request
/// changed, show the refusal, show the page again. Not a filter: each page loads what it displays in its own way
/// (keeping what was typed), so it says how with <c>show</c>.
/// </summary>
public static class Refusals
{
    /// <summary>
    /// Lets go of every tracked change and any success message, so nothing half-done is saved later or shown, and puts the refusal beside
    /// the field a <see cref="FieldException"/> names, else beside <paramref name="field"/> ("" is the whole form).
    /// </summary>
    public static void Refused(this PageModel page, DomainException refusal, DbContext db, string field = "")
    {
        db.ChangeTracker.Clear();
        page.TempData.ClearSuccess(); // a success message set before the refusal announced a change that did not happen
        page.ModelState.AddModelError(refusal is FieldException f ? f.Field : field, refusal.Message);
    }

    /// <summary>As <see cref="Refused"/>, then the page again: <paramref name="show"/> loads what it displays, or the page as it stands.</summary>
    public static async Task<IActionResult> RefusedAsync(this PageModel page, DomainException refusal, DbContext db,
        Func<Task<IActionResult>>? show = null, string field = "")
    {
        page.Refused(refusal, db, field);
        return show is null ? page.Page() : await show();
    }
}
