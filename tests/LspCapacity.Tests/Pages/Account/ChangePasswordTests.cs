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
}
