using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Account;

public class SignInTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public SignInTests(AppFactory app) => _app = app;

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task SignIn_WithDemoCoordinator_RedirectsHomeAndShowsProgramme()
    {
        var client = _app.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.Coordinator, Demo.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetDocumentAsync("/");
        Assert.Contains("West Midlands LSP Capacity Building Programme", home.QuerySelector("h1")!.TextContent);
        Assert.Contains("active partnerships", home.Body!.TextContent);
    }

    [Fact]
    public async Task SignIn_WithReturnUrl_GoesBackThere_ButNeverOffSite()
    {
        var client = _app.CreateAnonymousClient();
        var local = await client.SubmitFormAsync("/account/sign-in?returnUrl=%2Fpartnerships", Credentials(Demo.StaffCoventry, Demo.Password));
        Assert.Equal("/partnerships", local.Headers.Location?.OriginalString);

        var other = _app.CreateAnonymousClient();
        var offSite = await other.SubmitFormAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", Credentials(Demo.StaffCoventry, Demo.Password));
        Assert.Equal("/", offSite.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorSummaryAndKeepsEmail()
    {
        var client = _app.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.Mentor, "not-the-password-at-all"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Enter a correct email address and password", page.ErrorSummary());
        Assert.Equal(Demo.Mentor, page.FieldValue("Input.Email"));
        Assert.Equal("", page.FieldValue("Input.Password"));
        Assert.StartsWith("Error:", page.Title);
    }

    [Fact]
    public async Task SignIn_EmptyForm_ExplainsEachField()
    {
        var client = _app.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/account/sign-in", Credentials("", ""));

        var page = await response.ParseAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your email address", page.ErrorSummary());
        Assert.Contains("Enter your password", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("#Input_Email.govuk-input--error"));
    }

    [Fact]
    public async Task SignIn_SixthWrongPassword_LocksTheAccount()
    {
        await using var app = new AppFactory();
        var client = app.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffBirmingham, $"wrong-password-{i}-xxxx"));
        }
        Assert.Null(await LockoutEndAsync(app));

        var sixth = await (await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffBirmingham, "wrong-password-6-xxxx"))).ParseAsync();
        Assert.Contains(sixth.ErrorSummary(), e => e.Contains("locked", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(await LockoutEndAsync(app));

        // Locked: even the right password is refused.
        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffBirmingham, Demo.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseAsync()).ErrorSummary(), e => e.Contains("locked", StringComparison.OrdinalIgnoreCase));
    }

    private static Task<DateTimeOffset?> LockoutEndAsync(AppFactory app) =>
        app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == Demo.StaffBirmingham).LockoutEnd));

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400()
    {
        var client = _app.CreateAnonymousClient();
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(Credentials(Demo.Coordinator, Demo.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_TooManyAttempts_IsRateLimited()
    {
        await using var app = new AppFactory();
        app.Settings["Accounts:PermitsPerMinute"] = "3";
        var client = app.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.Mentor, "wrong-password-xxxx"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = _app.CreateAnonymousClient();
        await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffCoventry, Demo.Password));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/partnerships")).StatusCode);

        var home = await client.GetDocumentAsync("/");
        var signOut = await client.SubmitAsync(home, "/", new Dictionary<string, string>(), "form[action='/account/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var after = await client.GetAsync("/partnerships");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ChangingThePersonsSecurityStamp_EndsTheirSession_WithinAMinute()
    {
        var client = _app.CreateAnonymousClient();
        await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffBirmingham, Demo.Password));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/partnerships")).StatusCode);

        // What deactivating someone or changing their role does.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(Demo.StaffBirmingham))!);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/partnerships")).StatusCode); // checked once a minute, not on every request
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        try
        {
            var after = await client.GetAsync("/partnerships");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("http://localhost/account/sign-in", after.Headers.Location!.ToString());
        }
        finally
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(-2));
        }
    }
}
