using LspCapacity.Web.Data;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace LspCapacity.Web.Pages.Account;

/// <summary>The page a reset email links to. Identity's token is single-use: setting the password changes the security stamp.</summary>
[EnableRateLimiting(AccountRateLimit.Policy)]
public class ChooseNewPasswordModel(AppDbContext db, UserManager<AppUser> users, Outbox outbox, TimeProvider clock,
    ILogger<ChooseNewPasswordModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindUserAsync();
        LinkInvalid = user is null
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, Token ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await FindUserAsync();
        if (user is null)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token ?? "", Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                logger.LogWarning("Password reset refused: invalid or used token for user {UserId}", user.Id);
                LinkInvalid = true;
                return Page();
            }
            NewPasswordInput.AddErrors(ModelState, "Input.Password", result);
            return Page();
        }
        // Proving control of the mailbox ends a lockout.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await QueuePasswordChangedAsync(db, outbox, user, clock, cancellationToken);
        db.Audit(user.Id, "password.reset", user);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Password reset completed for user {UserId}", user.Id);
        TempData.SetSuccess("Your password has been changed. Sign in with your new password.");
        return RedirectToPage("/Account/SignIn");
    }

    internal static Task QueuePasswordChangedAsync(AppDbContext db, Outbox outbox, AppUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return outbox.QueueAsync(db, $"password-changed:{user.Id}:{now.Ticks}", user.Email!, user.DisplayName, "password-changed",
            new Dictionary<string, string?> { ["ChangedAt"] = UkTime.DateTime(now) }, cancellationToken);
    }

    private async Task<AppUser?> FindUserAsync()
    {
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        return user is { IsActive: true } ? user : null;
    }
}
