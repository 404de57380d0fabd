using System.Net;
using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Account;

/// <summary>Signing out ends the session on the server: a copy of the cookie is worth nothing after it.</summary>
public class SessionTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public SessionTests(AppFactory app) => _app = app;

    private async Task<HttpClient> SignedInAsync(string email) => (await SignInAsync(email)).Client;

    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email)
    {
        var client = _app.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Demo.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lsp.auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    /// <summary>Another browser holding a copy of the sign-in cookie.</summary>
    private async Task<HttpClient> CopyOfAsync(string cookie)
    {
        var copy = _app.CreateAnonymousClient();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/partnerships")).StatusCode);
        return copy;
    }

    private static async Task SignOutAsync(HttpClient client, string button = "Sign out", string page = "/")
    {
        var document = await client.GetDocumentAsync(page);
        var response = button == "Sign out"
            ? await client.SubmitAsync(document, page, new Dictionary<string, string>(), "form[action='/account/sign-out']")
            : await client.SubmitAsync(document, page, new Dictionary<string, string>(), button: button);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task AssertSentToSignInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/partnerships");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignOut_ACopiedCookie_IsRefusedAtOnce_AndStillAfterTheSessionCheckInterval()
    {
        var (client, cookie) = await SignInAsync(Demo.StaffCoventry);
        var copy = await CopyOfAsync(cookie);

        await SignOutAsync(client);

        await AssertSentToSignInAsync(copy);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        try
        {
            await AssertSentToSignInAsync(copy);
        }
        finally
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(-2));
        }
    }

    [Fact]
    public async Task SignOutOfAllDevices_EndsEverySessionOfThePerson_AndNoOneElses()
    {
        var laptop = await SignedInAsync(Demo.Mentor);
        var phone = await SignedInAsync(Demo.Mentor);
        var someoneElse = await SignedInAsync(Demo.StaffBirmingham);

        await SignOutAsync(laptop, "Sign out of all devices", "/account/profile");

        await AssertSentToSignInAsync(laptop);
        await AssertSentToSignInAsync(phone);
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync("/partnerships")).StatusCode);
        var mentorId = await _app.UserIdAsync(Demo.Mentor);
        Assert.False(await _app.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == mentorId)));
    }

    [Fact]
    public async Task ASession_OutlivesTheSecurityStampCheck_AndAPasswordChange()
    {
        var client = await SignedInAsync(Demo.StaffBirmingham);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        try
        {
            // The stamp is re-checked (the principal rebuilt) and the cookie keeps its session.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/partnerships")).StatusCode);
            _app.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/partnerships")).StatusCode);
            var sessions = await _app.WithDbAsync(db => db.UserSessions.CountAsync());
            Assert.True(sessions >= 1);
        }
        finally
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(-4));
        }
    }
}
