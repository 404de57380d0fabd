using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// Walks every page endpoint the app has: a new page is covered the day it is added, and fails here
/// if it is reachable without sign-in and not on the public list, or open to LSP staff in a
/// coordinator area.
/// </summary>
public class AccessTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public AccessTests(AppFactory app) => _app = app;

    private IReadOnlyList<(string ViewEnginePath, string Url)> PageEndpoints() => PageRoutes.Samples(_app.Services);

    [Fact]
    public void TheWalkFindsThePages()
    {
        var paths = PageEndpoints().Select(p => p.ViewEnginePath).ToList();
        Assert.Contains("/People/Invite", paths);
        Assert.Contains("/Partnerships/Details", paths);
        Assert.Contains("/Mail/Index", paths);
        Assert.Contains("/Accessibility", paths); // public: PublicPages.All
        Assert.True(paths.Count >= 15, $"Only {paths.Count} pages found");
    }

    [Fact]
    public async Task EveryPage_NeedsSignIn_UnlessDeliberatelyPublic()
    {
        var client = _app.CreateAnonymousClient();
        var failures = new List<string>();
        foreach (var (path, url) in PageEndpoints())
        {
            var response = await client.GetAsync(url);
            var isPublic = PublicPages.All.Contains(path);
            var toSignIn = response.StatusCode == HttpStatusCode.Redirect
                           && response.Headers.Location!.ToString().Contains("/account/sign-in", StringComparison.Ordinal);
            if (!isPublic && !toSignIn)
            {
                failures.Add($"{url} ({path}) answered {(int)response.StatusCode} without sign-in");
            }
            if (isPublic && response.StatusCode is HttpStatusCode.InternalServerError)
            {
                failures.Add($"{url} ({path}) failed with 500");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task CoordinatorPages_Refuse_LspStaffAndMentors()
    {
        foreach (var person in new[] { Demo.StaffBirmingham, Demo.Mentor })
        {
            var client = _app.CreateClientAs(person);
            var failures = new List<string>();
            foreach (var (path, url) in PageEndpoints().Where(p => PageRoutes.IsCoordinatorOnly(p.ViewEnginePath)))
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{person}: {url} ({path}) answered {(int)response.StatusCode}");
                }
            }
            Assert.Empty(failures);
        }
    }

    [Fact]
    public async Task Forbidden_ShowsThe403PageInTheProductsLook()
    {
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync("/people");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("You do not have permission to see this page", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".govuk-service-navigation"));
    }

    [Fact]
    public async Task UnknownAddress_Shows404Page()
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await response.ParseAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task PostToAHandlerThePageDoesNotHave_Is400_Not500()
    {
        var client = _app.CreateClientAs(Demo.Coordinator);
        var birmingham = await _app.PartnershipIdAsync("Birmingham");
        var response = await client.PostWithTokenAsync($"/partnerships/{birmingham}", $"/partnerships/{birmingham}?handler=Explode");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task JobsDashboard_IsForAdminsOnly()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateAnonymousClient().GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Coordinator).GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.Admin).GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders()
    {
        var response = await _app.CreateAnonymousClient().GetAsync("/account/sign-in");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
