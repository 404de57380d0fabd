using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.Account;

[EnableRateLimiting(AccountRateLimit.Policy)]
public class SignInModel(AppDbContext db, SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
    TrustedDevices devices, TimeProvider clock, IOptions<AccountOptions> accounts, ILogger<SignInModel> logger) : PageModel
{
    // A hash of a random password made by the app's own hasher, so checking a password against it costs
    // exactly what checking a real account's does.
    private static string? _standInHash;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not { IsActive: true, PasswordHash: not null })
        {
            // No account that can sign in (unknown, deactivated or not yet set up): the same work and the
            // same answers as a wrong password for a real account, lockout included.
            var locked = await FailAsync(LockoutCounterKey(Input.Email), hashFirst: true, cancellationToken);
            logger.LogWarning("Sign-in failed: no active account{Locked}", locked ? " (now locked)" : "");
            return locked ? LockedOut() : Refuse();
        }

        if (devices.Read(Request) is { } device && device.UserId == user.Id)
        {
            return await SignInFromTrustedDeviceAsync(user, device, cancellationToken);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded for user {UserId}", user.Id);
            devices.Remember(HttpContext, user.Id);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is locked out", user.Id);
            return LockedOut();
        }
        logger.LogWarning("Sign-in failed: wrong password for user {UserId}", user.Id);
        return Refuse();
    }

    /// <summary>
    /// A browser this person signed in from before: others' failures do not lock it out; its own wrong
    /// passwords are counted for it alone, with the same limit.
    /// </summary>
    private async Task<IActionResult> SignInFromTrustedDeviceAsync(AppUser user, TrustedDevices.Device device, CancellationToken cancellationToken)
    {
        var counter = await db.LockoutCounters.FindAsync([device.LockoutKey], cancellationToken);
        if (counter?.IsLocked(Now) == true)
        {
            logger.LogWarning("Sign-in refused: a known device of user {UserId} is locked out", user.Id);
            return LockedOut();
        }
        if (await users.CheckPasswordAsync(user, Input.Password))
        {
            if (counter is not null)
            {
                counter.Reset();
                await db.SaveChangesAsync(cancellationToken);
            }
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
            devices.Remember(HttpContext, user.Id, device.DeviceId);
            logger.LogInformation("Sign-in succeeded for user {UserId} from a known device", user.Id);
            return LocalRedirect(SafeReturnUrl);
        }
        var locked = await FailAsync(device.LockoutKey, hashFirst: false, cancellationToken);
        logger.LogWarning("Sign-in failed: wrong password for user {UserId} from a known device", user.Id);
        return locked ? LockedOut() : Refuse();
    }

    /// <summary>Counts a failure against <paramref name="key"/>; true when that locks it (or it was locked already).</summary>
    private async Task<bool> FailAsync(string key, bool hashFirst, CancellationToken cancellationToken)
    {
        var counter = await db.LockoutCounters.FindAsync([key], cancellationToken);
        if (counter?.IsLocked(Now) == true)
        {
            return true; // as for a locked account: refused before any password is checked
        }
        if (hashFirst)
        {
            _standInHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new AppUser(), _standInHash, Input.Password);
        }
        if (counter is null)
        {
            counter = new LockoutCounter(key);
            db.LockoutCounters.Add(counter);
        }
        var locked = counter.RecordFailure(Now, accounts.Value.MaxFailedAttempts, TimeSpan.FromMinutes(accounts.Value.LockoutMinutes));
        await db.SaveChangesAsync(cancellationToken);
        return locked;
    }

    /// <summary>The address as Identity compares it, hashed: the counter never stores what was typed.</summary>
    private string LockoutCounterKey(string email) =>
        "address:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(users.NormalizeEmail(email) ?? ""))).ToLowerInvariant();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private PageResult LockedOut()
    {
        // The same words for every address, real or not.
        ModelState.AddModelError("", $"Your account is locked because of too many failed attempts. Try again in {accounts.Value.LockoutMinutes} minutes, " +
            "sign in from a device you have signed in from before, or reset your password.");
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private PageResult Refuse()
    {
        // The same words whether the email is unknown or the password wrong: no account enumeration.
        ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
