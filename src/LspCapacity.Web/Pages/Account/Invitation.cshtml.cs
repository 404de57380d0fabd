using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Account;

/// <summary>Follows an invitation link: checks it is live, then lets the person choose a password.</summary>
public class InvitationModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<InvitationModel> logger) : PageModel
{
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    /// <summary>The invited person, loaded with the invitation.</summary>
    private AppUser? _user;

    public string? Problem { get; private set; }
    public string? DisplayName { get; private set; }
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await FindAsync(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var invitation = await FindAsync(token);
        if (invitation is null)
        {
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = _user!;
        try
        {
            invitation.Accept(clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            Problem = e.Message;
            return Page();
        }
        user.EmailConfirmed = true;
        db.Audit(user.Id, "invitation.accepted", invitation);
        // Adding the password saves the user, and with it the accepted invitation and its audit entry.
        var result = await users.AddPasswordAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            NewPasswordInput.AddErrors(ModelState, "Input.Password", result);
            return Page();
        }
        logger.LogInformation("Invitation accepted by user {UserId}", user.Id);
        TempData.SetSuccess("Your password is set. Sign in to continue.");
        return RedirectToPage("/Account/SignIn");
    }

    private async Task<Invitation?> FindAsync(string token)
    {
        var hash = Domain.Accounts.Invitation.Hash(token ?? "");
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        _user = invitation is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == invitation.UserId);
        var now = clock.GetUtcNow().UtcDateTime;
        Problem = invitation?.StatusAt(now) switch
        {
            null => "This invitation link is not valid. Check you copied the whole link from the email.",
            InvitationStatus.Accepted => "This invitation has already been used. Sign in, or reset your password.",
            InvitationStatus.Revoked => "This invitation has been withdrawn. Ask your coordinator for a new one.",
            InvitationStatus.Expired => "This invitation has expired. Ask your coordinator for a new one.",
            _ when _user is not { IsActive: true } => "This account has been deactivated.",
            _ => null,
        };
        if (Problem is not null)
        {
            logger.LogWarning("Invitation link refused: {Reason}", invitation?.StatusAt(now).ToString() ?? "unknown token");
            return null;
        }
        DisplayName = _user!.DisplayName;
        Email = _user.Email;
        return invitation;
    }
}
