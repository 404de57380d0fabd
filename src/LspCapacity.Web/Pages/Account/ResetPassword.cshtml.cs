using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
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
        if (user is { IsActive: true } && await users.HasPasswordAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = outbox.Link($"/account/reset-password/choose?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
            await outbox.QueueAsync(db, $"password-reset:{user.Id}:{clock.GetUtcNow().UtcTicks}", user.Email!, user.DisplayName,
                "password-reset", new Dictionary<string, string?>
                {
                    ["Link"] = link,
                    ["Hours"] = accounts.Value.ResetTokenHours.ToString(UkTime.Culture),
                }, cancellationToken, user.RegionId); // the region's coordinators see it on /outbox
            db.Audit(user.Id, "password.reset-requested", user);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Password reset requested for user {UserId}", user.Id);
        }
        else
        {
            logger.LogWarning("Password reset requested for an unknown or inactive account");
        }
        return Redirect("/account/reset-password?sent=true");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";
    }
}
