using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.People;

/// <summary>
/// Erases a person at their request (UK GDPR article 17), after a confirmation and with a reason on
/// record: <see cref="PersonEraser"/> says what goes and what stays.
/// </summary>
public class EraseModel(AppDbContext db, Sessions sessions, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public EraseInput Input { get; set; } = new();

    public string PersonName { get; private set; } = "";
    public string? PersonEmail { get; private set; }
    public bool IsSelf { get; private set; }
    public bool AlreadyErased { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await ShowAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (IsSelf)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Confirm), "You cannot erase your own account: ask another administrator");
        }
        if (AlreadyErased)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Confirm), "This person has already been erased");
        }
        if (!Input.Confirm)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Confirm), "Confirm that you understand erasing cannot be undone");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var name = await db.InTransactionAsync(ct => PersonEraser.EraseAsync(db, sessions, id, me.RequiredId, Input.Reason!.Trim(), now, ct), cancellationToken);
        TempData.SetSuccess($"{PersonName} has been erased. They are now shown as {name}.");
        return RedirectToPage("/People/Details", new { id });
    }

    /// <summary>Loads the person; a result when the page must not be shown (missing, or not the caller's to erase).</summary>
    private async Task<IActionResult?> ShowAsync(string id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.People);
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, PersonToErase.Of(person), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        PersonName = person.DisplayName;
        PersonEmail = person.Email;
        IsSelf = person.Id == me.Id;
        AlreadyErased = person.ErasedAt is not null;
        return null;
    }

    public sealed class EraseInput
    {
        [Required(ErrorMessage = "Enter the reason for erasing this person")]
        [StringLength(500, ErrorMessage = "The reason must be 500 characters or fewer")]
        [Display(Name = "reason")]
        public string? Reason { get; set; }

        public bool Confirm { get; set; }
    }
}
