using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Audit;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.Account;

/// <summary>Asks for a password-reset email. Says the same thing whether or not the account exists.</summary>
[EnableRateLimiting(AccountRateLimit.Policy)]
public class ResetPasswordModel(AppDbContext db, UserManager<AppUser> users, Outbox outbox, TimeProvider clock,
    IOptions<AccountOptions> accounts, ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool sent = false) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email);
        var known = user is { IsActive: true } && await users.HasPasswordAsync(user);
        // Without an account the same steps run on a stand-in (a token made, the outbox checked for the
        // email, an audit entry written) so that the answer takes as long either way; only the email
        // itself is left out.
        var recipient = known ? user! : new AppUser { Id = Guid.NewGuid().ToString(), SecurityStamp = Guid.NewGuid().ToString() };
        var token = await users.GeneratePasswordResetTokenAsync(recipient);
        var link = outbox.PageLink("/Account/ChooseNewPassword", new { user = recipient.Id, token });
        var key = $"password-reset:{recipient.Id}:{clock.GetUtcNow().UtcTicks}";
        if (known)
        {
            await outbox.QueueAsync(db, key, user!.Email!, user.DisplayName,
                "password-reset", new Dictionary<string, string?>
                {
                    ["Link"] = link,
                    ["Hours"] = accounts.Value.ResetTokenHours.ToString(UkTime.Culture),
                }, cancellationToken, user.RegionId); // the region's coordinators see it on /outbox
            db.Audit(user.Id, "password.reset-requested", user);
            logger.LogInformation("Password reset requested for user {UserId}", user.Id);
        }
        else
        {
            await db.OutboxMessages.AnyAsync(m => m.DeduplicationKey == key, cancellationToken);
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, null, "password.reset-requested-no-account",
                nameof(AppUser), "", "No active account has the address given"));
            logger.LogWarning("Password reset requested for an unknown or inactive account");
        }
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Account/ResetPassword", new { sent = "true" });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";
    }
}
