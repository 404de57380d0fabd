using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.Account;

/// <summary>
/// Changes the signed-in person's password. A wrong current password counts towards lockout as at sign-in
/// (someone at an unattended browser cannot guess on here instead), and posts are rate limited.
/// </summary>
[EnableRateLimiting(AccountRateLimit.Policy)]
public class ChangePasswordModel(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    Outbox outbox, CurrentUser me, TimeProvider clock, IOptions<AccountOptions> accounts, ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your current password")]
    [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public void OnGet() => ViewData.SetSection(SiteSection.Account);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Account);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(me.RequiredId);
        if (user is null)
        {
            return NotFound();
        }
        if (await users.IsLockedOutAsync(user))
        {
            return LockedOut();
        }
        var result = await users.ChangePasswordAsync(user, CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
                logger.LogWarning("Change of password refused: wrong current password for user {UserId}", user.Id);
                if (await users.IsLockedOutAsync(user))
                {
                    return LockedOut();
                }
                ModelState.AddModelError(nameof(CurrentPassword), "Your current password is not correct");
            }
            else
            {
                NewPasswordInput.AddErrors(ModelState, "Input.Password", result);
            }
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await ChooseNewPasswordModel.QueuePasswordChangedAsync(db, outbox, user, clock, cancellationToken);
        db.Audit(user.Id, "password.changed", user);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
        TempData.SetSuccess("Your password has been changed.");
        return RedirectToPage("/Account/Profile");
    }

    private PageResult LockedOut()
    {
        ModelState.AddModelError(nameof(CurrentPassword),
            $"Your account is locked because of too many failed attempts. Try again in {accounts.Value.LockoutMinutes} minutes, or reset your password.");
        return Page();
    }
}
