using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// Refuses passwords that are easy to guess even when long: well-known ones, and ones built from the
/// person's own email or name. No character-mix rules (NCSC / NIST guidance).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "passwordpassword", "123456789012", "qwertyuiopas", "iloveyou1234",
        "letmein12345", "welcome12345", "password123456", "abcdefghijkl", "111111111111",
        "qwerty123456", "administrator", "changeme1234",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (password.Length > 256)
        {
            return Fail("PasswordTooLong", "Password must be 256 characters or fewer");
        }
        if (Common.Contains(password) || password.Distinct().Count() < 3)
        {
            return Fail("PasswordTooCommon", "Password is too easy to guess. Try a few unrelated words");
        }
        var local = user.Email?.Split('@')[0];
        if (local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("PasswordContainsEmail", "Password must not contain your email address");
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
