using System.Net;
using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Account;

public class ResetPasswordTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public ResetPasswordTests(AppFactory app) => _app = app;

    [Fact]
    public async Task Reset_EmailLink_SetsNewPassword_UnlocksAndWorksOnce()
    {
        // Lock the account first: a reset proves control of the mailbox and ends the lockout.
        var client = _app.CreateAnonymousClient();
        for (var i = 0; i < 6; i++)
        {
            await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = Demo.Mentor,
                ["Input.Password"] = $"wrong-password-{i}-xxxx",
            });
        }

        var request = await client.SubmitFormAsync("/account/reset-password", new Dictionary<string, string> { ["Input.Email"] = Demo.Mentor });
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        var email = Assert.Single(await _app.DeliveredToAsync(Demo.Mentor));
        var link = Emails.LinkIn(email, "/account/reset-password/choose");

        var chosen = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "coaching is a long game",
            ["Input.ConfirmPassword"] = "coaching is a long game",
        });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        var signIn = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.Mentor,
            ["Input.Password"] = "coaching is a long game",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The confirmation email went too, and the link is spent.
        var all = await _app.DeliveredToAsync(Demo.Mentor);
        Assert.Contains(all, m => m.Subject == "Your password has been changed");
        var reused = await _app.CreateAnonymousClient().GetDocumentAsync(link);
        Assert.Contains("not valid", reused.Body!.TextContent);
    }

    [Fact]
    public async Task Reset_ForUnknownEmail_SaysTheSameAndSendsNothing()
    {
        var before = (await _app.OutboxAsync()).Count;
        var response = await _app.CreateAnonymousClient().SubmitFormAsync("/account/reset-password",
            new Dictionary<string, string> { ["Input.Email"] = "nobody@nowhere.example" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/reset-password?sent=true", response.Headers.Location?.OriginalString);
        Assert.Equal(before, (await _app.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Reset_WithBadEmail_ShowsErrorAndKeepsInput()
    {
        var response = await _app.CreateAnonymousClient().SubmitFormAsync("/account/reset-password",
            new Dictionary<string, string> { ["Input.Email"] = "not an email" });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter an email address in the correct format, like name@example.com", page.ErrorSummary());
        Assert.Equal("not an email", page.FieldValue("Input.Email"));
    }

    [Fact]
    public async Task Reset_ForUnknownEmail_DoesTheSameDatabaseWork_AsForARealAccount()
    {
        var client = _app.CreateAnonymousClient();
        async Task<int> CommandsFor(string email)
        {
            var page = await client.GetDocumentAsync("/account/reset-password");
            _app.Queries.Reset();
            var response = await client.SubmitAsync(page, "/account/reset-password", new Dictionary<string, string> { ["Input.Email"] = email });
            Assert.Equal("/account/reset-password?sent=true", response.Headers.Location?.OriginalString);
            return _app.Queries.Count;
        }

        var real = await CommandsFor(Demo.StaffBirmingham);
        var unknown = await CommandsFor("nobody.at.all@nowhere.example");

        // Find the person, look for the email in the outbox, write: the same statements bar the email row itself.
        Assert.InRange(unknown, real - 1, real);
        Assert.True(unknown >= 3, $"only {unknown} commands for an unknown address");
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "password.reset-requested-no-account")));
    }
}
