using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task SignIn_UnknownAddress_ChecksAPasswordHash_AsAWrongPasswordForARealAccountDoes()
    {
        await using var app = new CountingHasherApp();
        var client = app.CreateAnonymousClient();
        await client.GetAsync("/account/sign-in"); // start the host

        app.Verifications = 0;
        await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.Mentor, "not-the-password-at-all"));
        var forRealAccount = app.Verifications;

        app.Verifications = 0;
        await client.SubmitFormAsync("/account/sign-in", Credentials("nobody@nowhere.example", "not-the-password-at-all"));
        var forUnknownAddress = app.Verifications;

        Assert.Equal(1, forRealAccount);
        Assert.Equal(forRealAccount, forUnknownAddress);
    }

    [Fact]
    public async Task SignIn_SixthWrongPassword_ForAnUnknownAddress_SaysLockedInTheSameWords()
    {
        await using var app = new AppFactory();
        var real = new List<IReadOnlyList<string>>();
        var unknown = new List<IReadOnlyList<string>>();
        for (var i = 0; i < 7; i++)
        {
            real.Add((await (await app.CreateAnonymousClient().SubmitFormAsync("/account/sign-in",
                Credentials(Demo.StaffBirmingham, $"wrong-password-{i}-xxxx"))).ParseAsync()).ErrorSummary());
            unknown.Add((await (await app.CreateAnonymousClient().SubmitFormAsync("/account/sign-in",
                Credentials("no.such.person@lsp.example", $"wrong-password-{i}-xxxx"))).ParseAsync()).ErrorSummary());
        }

        Assert.Contains(real[5], e => e.Contains("locked", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(real[4], e => e.Contains("locked", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(real, unknown);
        // The address itself is never stored, only a hash of it.
        var keys = await app.WithDbAsync(db => db.LockoutCounters.Select(c => c.Key).ToListAsync());
        Assert.DoesNotContain(keys, k => k.Contains("no.such.person", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignIn_AccountLockedByStrangers_StillTakesTheRightPassword_FromADeviceThatSignedInBefore()
    {
        await using var app = new AppFactory();
        var owner = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffBirmingham, Demo.Password))).StatusCode);
        await owner.SubmitAsync(await owner.GetDocumentAsync("/"), "/", new Dictionary<string, string>(), "form[action='/account/sign-out']");

        var stranger = app.CreateAnonymousClient();
        for (var i = 0; i < 6; i++)
        {
            await stranger.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffBirmingham, $"wrong-password-{i}-xxxx"));
        }
        Assert.NotNull(await LockoutEndAsync(app));
        var strangerWithRightPassword = await stranger.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffBirmingham, Demo.Password));
        Assert.Equal(HttpStatusCode.OK, strangerWithRightPassword.StatusCode);

        var ownerAgain = await owner.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffBirmingham, Demo.Password));
        Assert.Equal(HttpStatusCode.Redirect, ownerAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/partnerships")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FromADeviceThatSignedInBefore_SixWrongPasswordsLockThatDevice()
    {
        await using var app = new AppFactory();
        var device = app.CreateAnonymousClient();
        await device.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffCoventry, Demo.Password));
        await device.SubmitAsync(await device.GetDocumentAsync("/"), "/", new Dictionary<string, string>(), "form[action='/account/sign-out']");

        for (var i = 0; i < 6; i++)
        {
            await device.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffCoventry, $"wrong-password-{i}-xxxx"));
        }
        var right = await device.SubmitFormAsync("/account/sign-in", Credentials(Demo.StaffCoventry, Demo.Password));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains((await right.ParseAsync()).ErrorSummary(), e => e.Contains("locked", StringComparison.OrdinalIgnoreCase));
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

    /// <summary>The app with its password hasher counting how often it checks a password.</summary>
    private sealed class CountingHasherApp : AppFactory
    {
        private int _verifications;

        public int Verifications
        {
            get => Volatile.Read(ref _verifications);
            set => Volatile.Write(ref _verifications, value);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AppUser>>(_ => new CountingHasher(this)));
        }

        private sealed class CountingHasher(CountingHasherApp app) : PasswordHasher<AppUser>
        {
            public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref app._verifications);
                return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
