using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LspCapacity.Web.Pages.Account;

/// <summary>A new password typed twice: shared by the invitation, reset and change-password pages.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a password")]
    [StringLength(256, MinimumLength = 12, ErrorMessage = "Password must be at least 12 characters")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";

    public static void AddErrors(ModelStateDictionary modelState, string key, IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description.TrimEnd('.'));
        }
    }
}
