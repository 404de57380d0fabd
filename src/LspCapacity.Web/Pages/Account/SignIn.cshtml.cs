using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace LspCapacity.Web.Pages.Account;

[EnableRateLimiting(AccountRateLimit.Policy)]
public class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            logger.LogWarning("Sign-in failed: no such account");
            return Refuse();
        }
        if (!user.IsActive)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is deactivated", user.Id);
            return Refuse();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded for user {UserId}", user.Id);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is locked out", user.Id);
            ModelState.AddModelError("", "Your account is locked because of too many failed attempts. Try again in 15 minutes, or reset your password.");
            return Page();
        }
        logger.LogWarning("Sign-in failed: wrong password for user {UserId}", user.Id);
        return Refuse();
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
