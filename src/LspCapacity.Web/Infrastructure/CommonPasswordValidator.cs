using LspCapacity.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// Refuses passwords that are easy to guess even when long: the 100,000 most common breached passwords
/// (Infrastructure/Passwords, embedded), passwords made only of repeated or sequential characters
/// ("abcabcabcabc", "1234567890123", "qwertyuiop123"), a common password padded with such a run
/// ("password12345"), and ones built from the person's own email. No character-mix rules (NCSC / NIST
/// guidance).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private const string TooEasy = "Password is too easy to guess. Try a few unrelated words";

    // Read on first use, not at start-up: passwords are set rarely, and only then is the memory needed.
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    // Keys next to each other on a UK keyboard, left to right: typing along a row is a sequence too.
    private static readonly string[] KeyboardRows = ["1234567890-=", "qwertyuiop[]", "asdfghjkl;'#", "zxcvbnm,./"];

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
        if (IsCommon(password) || password.Distinct().Count() < 3)
        {
            return Fail("PasswordTooCommon", TooEasy);
        }
        if (IsRepeatedOrSequential(password))
        {
            return Fail("PasswordTooPredictable", "Password is made of repeated or sequential characters, like abcabc or 12345. Try a few unrelated words");
        }
        var local = user.Email?.Split('@')[0];
        if (local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("PasswordContainsEmail", "Password must not contain your email address");
        }
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>On the list, or on it once runs of repeated or sequential characters are taken off either end.</summary>
    internal static bool IsCommon(string password)
    {
        if (Common.Value.Contains(password))
        {
            return true;
        }
        var runs = Runs(password);
        // Take off i runs at the start and j at the end, each at least two characters long.
        for (var i = 0; i < runs.Count; i++)
        {
            if (i > 0 && runs[i - 1].Length < 2)
            {
                break;
            }
            for (var j = i == 0 ? 1 : 0; i + j < runs.Count; j++)
            {
                if (j > 0 && runs[^j].Length < 2)
                {
                    break;
                }
                var start = runs[i].Start;
                var end = runs[^(j + 1)].Start + runs[^(j + 1)].Length;
                if (end - start >= 4 && Common.Value.Contains(password[start..end]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>One short piece repeated ("horsehorsehorse"), or nothing but runs of three or more ("abcabc", "qwerty123").</summary>
    internal static bool IsRepeatedOrSequential(string password)
    {
        var lower = password.ToLowerInvariant();
        for (var unit = 1; unit <= lower.Length / 2; unit++)
        {
            if (lower.Length % unit == 0 && string.Concat(Enumerable.Repeat(lower[..unit], lower.Length / unit)) == lower)
            {
                return true;
            }
        }
        return Runs(password).All(r => r.Length >= 3);
    }

    /// <summary>The password cut into its longest runs of characters that each repeat or follow the one before.</summary>
    private static List<(int Start, int Length)> Runs(string password)
    {
        var lower = password.ToLowerInvariant();
        var runs = new List<(int Start, int Length)>();
        var start = 0;
        for (var i = 1; i <= lower.Length; i++)
        {
            if (i == lower.Length || !Follows(lower[i - 1], lower[i]))
            {
                runs.Add((start, i - start));
                start = i;
            }
        }
        return runs;
    }

    private static bool Follows(char previous, char next)
    {
        if (previous == next)
        {
            return true;
        }
        if (char.IsAsciiLetterOrDigit(previous) && char.IsAsciiLetterOrDigit(next)
            && char.IsAsciiDigit(previous) == char.IsAsciiDigit(next) && Math.Abs(previous - next) == 1)
        {
            return true;
        }
        foreach (var row in KeyboardRows)
        {
            var at = row.IndexOf(previous, StringComparison.Ordinal);
            if (at >= 0 && (at + 1 < row.Length && row[at + 1] == next || at > 0 && row[at - 1] == next))
            {
                return true;
            }
        }
        return false;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("LspCapacity.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var set = new HashSet<string>(110_000, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
