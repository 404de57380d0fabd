using System.Net;
using LspCapacity.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LspCapacity.Tests.Pages.Account;

/// <summary>Over HTTPS every cookie the app sets is marked Secure, as the sign-in cookie always was.</summary>
public class SecureCookieTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public SecureCookieTests(AppFactory app) => _app = app;

    private HttpClient HttpsClient() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    private static string CookieSet(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal)) ?? "" : "";

    [Fact]
    public async Task OverHttps_AntiforgeryAuthDeviceAndTempDataCookies_AreSecure()
    {
        var client = HttpsClient();
        var form = await client.GetAsync("/account/sign-in");
        Assert.Contains("secure", CookieSet(form, "lsp.antiforgery"), StringComparison.OrdinalIgnoreCase);

        var signIn = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.Coordinator,
            ["Input.Password"] = Demo.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("secure", CookieSet(signIn, "lsp.auth"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", CookieSet(signIn, "lsp.device"), StringComparison.OrdinalIgnoreCase);

        // Signing out everywhere leaves a message for the next page in TempData's cookie.
        var profile = await client.GetDocumentAsync("/account/profile");
        var signOut = await client.SubmitAsync(profile, "/account/profile", new Dictionary<string, string>(), button: "Sign out of all devices");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var tempData = CookieSet(signOut, ".AspNetCore.Mvc.CookieTempDataProvider");
        Assert.NotEqual("", tempData);
        Assert.Contains("secure", tempData, StringComparison.OrdinalIgnoreCase);
    }
}
