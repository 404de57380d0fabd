using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Account;

public class ChangePasswordModel(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    Outbox outbox, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your current password")]
    [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public void OnGet() => ViewData["Section"] = "account";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "account";
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(me.RequiredId);
        if (user is null)
        {
            return NotFound();
        }
        var result = await users.ChangePasswordAsync(user, CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError(nameof(CurrentPassword), "Your current password is not correct");
            }
            else
            {
                NewPasswordInput.AddErrors(ModelState, "Input.Password", result);
            }
            return Page();
        }
        await ChooseNewPasswordModel.QueuePasswordChangedAsync(db, outbox, user, clock, cancellationToken);
        db.Audit(user.Id, "password.changed", user);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Your password has been changed.";
        return Redirect("/account/profile");
    }
}
