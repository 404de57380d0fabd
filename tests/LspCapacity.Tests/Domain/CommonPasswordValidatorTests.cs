using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace LspCapacity.Tests.Domain;

public class CommonPasswordValidatorTests
{
    private static readonly AppUser Coordinator = new() { Email = "coordinator@lsp.example", UserName = "coordinator@lsp.example" };

    // The validator does not use the UserManager.
    private static Task<IdentityResult> ValidateAsync(string password, AppUser? user = null) =>
        new CommonPasswordValidator().ValidateAsync(null!, user ?? Coordinator, password);

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwerty123456")]
    [InlineData("aaaaaaaaaaaaaaab")]
    public async Task Validate_CommonPassword_Refuses(string password)
    {
        var result = await ValidateAsync(password);

        Assert.False(result.Succeeded);
        Assert.Equal("PasswordTooCommon", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("password12345")] // a common password padded with a sequence
    [InlineData("1234567890123")]
    [InlineData("qwertyuiop123")]
    [InlineData("abcabcabcabc")]
    [InlineData("morganstanley")] // from deep in the 100,000 (line 60,000 or so)
    [InlineData("construction")]
    [InlineData("Sunshine!!!!!!")]
    [InlineData("zyxwvutsrqponm")]
    [InlineData("asdfghjkl;'#")]
    [InlineData("horsehorsehorse")]
    [InlineData("987654321aaaa")]
    public async Task Validate_WellKnownOrRepeatedOrSequential_Refuses(string password)
    {
        var result = await ValidateAsync(password);

        Assert.False(result.Succeeded, password);
        Assert.Contains(Assert.Single(result.Errors).Code, new[] { "PasswordTooCommon", "PasswordTooPredictable" });
    }

    [Theory]
    [InlineData("a brand new passphrase")]
    [InlineData("coaching is a long game")]
    [InlineData("Capacity-2006!")]
    [InlineData("walrus carpet 1234")]
    [InlineData("plum 7 kettle orbit")]
    public async Task Validate_UncommonPassphrases_Accepts(string password)
    {
        Assert.True((await ValidateAsync(password)).Succeeded, password);
    }

    [Fact]
    public void TheListShipped_HasTheHundredThousandMostCommon()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("LspCapacity.Web.common-passwords.txt")!;
        var lines = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(100_000, lines.Length);
        Assert.Equal("123456", lines[0]);
        Assert.True(CommonPasswordValidator.IsCommon(lines[^1]));
    }

    [Theory]
    [InlineData("coordinator-of-the-year")]
    [InlineData("my COORDINATOR role 2026")]
    public async Task Validate_ContainingEmailLocalPart_Refuses(string password)
    {
        var result = await ValidateAsync(password);

        Assert.False(result.Succeeded);
        Assert.Equal("PasswordContainsEmail", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Validate_LongPassphrase_Accepts()
    {
        var result = await ValidateAsync("correct horse battery staple");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Validate_SamePassphraseForSomeoneWhoseEmailItContains_Refuses()
    {
        var horse = new AppUser { Email = "horse@lsp.example", UserName = "horse@lsp.example" };

        var result = await ValidateAsync("correct horse battery staple", horse);

        Assert.Equal("PasswordContainsEmail", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Validate_OverTwoHundredAndFiftySixCharacters_Refuses()
    {
        var result = await ValidateAsync(string.Concat(Enumerable.Repeat("walrus carpet ", 20)));

        Assert.Equal("PasswordTooLong", Assert.Single(result.Errors).Code);
    }
}
