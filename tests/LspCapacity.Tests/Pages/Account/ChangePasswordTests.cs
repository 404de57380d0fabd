using System.Net;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages.Account;

public class ChangePasswordTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public ChangePasswordTests(AppFactory app) => _app = app;

    [Fact]
    public async Task Profile_ShowsWhoAndWhere()
    {
        var page = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/account/profile");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Sam Birmingham", text);
        Assert.Contains("LSP staff", text);
        Assert.Contains("Birmingham", text);
        Assert.Contains("West Midlands", text);
    }

    [Fact]
    public async Task WrongCurrentPassword_IsRefused_ThenRightOneChangesIt()
    {
        var client = _app.CreateClientAs(Demo.StaffCoventry);
        var wrong = await (await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password at all",
            ["Input.Password"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        })).ParseAsync();
        Assert.Contains("Your current password is not correct", wrong.ErrorSummary());

        var right = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Demo.Password,
            ["Input.Password"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains(await _app.DeliveredToAsync(Demo.StaffCoventry), m => m.Subject == "Your password has been changed");

        var signIn = await _app.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.StaffCoventry,
            ["Input.Password"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static Dictionary<string, string> Change(string current) => new()
    {
        ["CurrentPassword"] = current,
        ["Input.Password"] = "a brand new passphrase",
        ["Input.ConfirmPassword"] = "a brand new passphrase",
    };

    [Fact]
    public async Task SixthWrongCurrentPassword_LocksTheAccount_AndThenEvenTheRightOneIsRefused()
    {
        await using var app = new AppFactory();
        var client = app.CreateClientAs(Demo.Mentor);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await (await client.SubmitFormAsync("/account/change-password", Change($"wrong-password-{i}-xxxx"))).ParseAsync();
            Assert.Contains("Your current password is not correct", wrong.ErrorSummary());
        }
        var sixth = await (await client.SubmitFormAsync("/account/change-password", Change("wrong-password-6-xxxx"))).ParseAsync();
        Assert.Contains(sixth.ErrorSummary(), e => e.Contains("locked", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == Demo.Mentor).LockoutEnd)));

        var right = await client.SubmitFormAsync("/account/change-password", Change(Demo.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains((await right.ParseAsync()).ErrorSummary(), e => e.Contains("locked", StringComparison.OrdinalIgnoreCase));
        // The password is unchanged: the old one still signs in once the lockout is over (not tested here), the new one never did.
        Assert.Empty(await app.DeliveredToAsync(Demo.Mentor));
    }

    [Fact]
    public async Task TooManyAttempts_AreRateLimited()
    {
        await using var app = new AppFactory();
        app.Settings["Accounts:PermitsPerMinute"] = "3";
        var client = app.CreateClientAs(Demo.StaffBirmingham);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SubmitFormAsync("/account/change-password", Change($"wrong-password-{i}-xxxx"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
