using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Account;

/// <summary>Signing out ends the session on the server too, so a copy of the cookie no longer works.</summary>
public class SignOutModel(AppDbContext db, SignInManager<AppUser> signIn, Sessions sessions, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirst(Sessions.ClaimType)?.Value is { } sessionId)
        {
            await sessions.EndAsync(db, sessionId, cancellationToken);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }

    /// <summary>"Sign out of all devices": ends every session of this person, this one included.</summary>
    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken cancellationToken)
    {
        var userId = signIn.UserManager.GetUserId(User);
        if (userId is not null)
        {
            var ended = await sessions.EndAllAsync(db, userId, cancellationToken);
            logger.LogInformation("User {UserId} signed out of all devices ({Sessions} sessions)", userId, ended);
        }
        await signIn.SignOutAsync();
        TempData.SetSuccess("You have been signed out on every device.");
        return RedirectToPage("/Account/SignIn");
    }
}
