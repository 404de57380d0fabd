using System.Net;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages.Account;

public class SignInTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public SignInTests(AppFactory app) => _app = app;

    [Fact]
    public async Task SignIn_WithDemoCoordinator_RedirectsHomeAndShowsProgramme()
    {
        var client = _app.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.Coordinator,
            ["Input.Password"] = Demo.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetDocumentAsync("/");
        Assert.Contains("West Midlands LSP Capacity Building Programme", home.QuerySelector("h1")!.TextContent);
    }
}
