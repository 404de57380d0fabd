using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages;

public class HomeTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public HomeTests(AppFactory app) => _app = app;

    [Fact]
    public async Task Anonymous_SeesWhatTheServiceIs_AndSignIn()
    {
        var page = await _app.CreateAnonymousClient().GetDocumentAsync("/");
        Assert.Equal("LSP Capacity Building Programme", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/account/sign-in']"));
        Assert.Null(page.QuerySelector("#navigation"));
    }

    [Fact]
    public async Task Coordinator_SeesProgrammeObjectivesAndRegionFigures()
    {
        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("1 September 2006 to 31 July 2007", main);
        Assert.Contains("systematic needs analysis of all LSPs", main);
        Assert.Contains("38 active partnerships", System.Text.RegularExpressions.Regex.Replace(main, @"\s+", " "));
        Assert.Contains("7 receive NRF", main);
        Assert.Contains("£250,000", main);
        Assert.NotNull(page.QuerySelector("#navigation a[href='/dashboard']"));
    }

    [Fact]
    public async Task Navigation_IsGroupedIntoSections_WhosePagesAreLinksOnTheSectionsPages()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var home = await coordinator.GetDocumentAsync("/");
        Assert.Equal(["/activities", "/needs/surveys", "/placements", "/reviews", "/projects", "/library", "/partnerships", "/dashboard"],
            home.QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(home.QuerySelector(".govuk-service-navigation__service-name a[href='/']"));
        Assert.NotNull(home.QuerySelector(".app-account-bar a[href='/account/profile']"));
        Assert.Null(home.QuerySelector("#sub-navigation")); // the home page is no section's

        // The programme's pages: on each of them, as plain links (no script needed), with the current one marked.
        foreach (var (url, current) in new[] { ("/dashboard", "/dashboard"), ("/dashboard/participation", "/dashboard"), ("/needs/coverage", "/needs/coverage"),
                     ("/people", "/people"), ("/outbox", "/outbox"), ("/admin/programmes", "/admin/programmes") })
        {
            var page = await coordinator.GetDocumentAsync(url);
            Assert.Equal(["/dashboard", "/needs/coverage", "/proposals", "/brokerage", "/people", "/outbox", "/admin/programmes"], page.QuerySelectorAll("#sub-navigation a").Select(a => a.GetAttribute("href")));
            Assert.Equal("/dashboard", Assert.Single(page.QuerySelectorAll("#navigation a[aria-current]")).GetAttribute("href"));
            Assert.Equal(current, Assert.Single(page.QuerySelectorAll("#sub-navigation a[aria-current]")).GetAttribute("href"));
        }
        var admin = await _app.CreateClientAs(Demo.Admin).GetDocumentAsync("/people");
        Assert.NotNull(admin.QuerySelector("#sub-navigation a[href='/jobs']"));

        // Everyone: their bookings under Activities.
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        var activities = await staff.GetDocumentAsync("/activities");
        Assert.Equal(["/activities", "/my/bookings"], activities.QuerySelectorAll("#sub-navigation a").Select(a => a.GetAttribute("href")));
        var bookings = await staff.GetDocumentAsync("/my/bookings");
        Assert.Equal("/activities", Assert.Single(bookings.QuerySelectorAll("#navigation a[aria-current]")).GetAttribute("href"));
        Assert.Equal("page", bookings.QuerySelector("#sub-navigation a[href='/my/bookings']")!.GetAttribute("aria-current"));
        Assert.Null(bookings.QuerySelector("#navigation a[href='/dashboard']"));
        Assert.Null(bookings.QuerySelector("#sub-navigation a[href='/people']"));
        Assert.Null(bookings.QuerySelector("#sub-navigation a[href='/board']")); // not on the programme board

        // The programme board: for coordinators and the board's practitioner members (the demo data makes Jo Coventry one).
        var decisions = await coordinator.GetDocumentAsync("/board/decisions");
        Assert.Equal("/dashboard", Assert.Single(decisions.QuerySelectorAll("#navigation a[aria-current]")).GetAttribute("href")); // under Programme
        Assert.NotNull(decisions.QuerySelector("#sub-navigation a[href='/proposals']"));
        var member = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/board");
        Assert.Equal("/proposals", Assert.Single(member.QuerySelectorAll("#navigation a[aria-current]")).GetAttribute("href"));
        Assert.Equal(["/proposals", "/plan", "/board", "/board/decisions"], member.QuerySelectorAll("#sub-navigation a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Home_ShowsYourNextActivities_AndTheCoordinatorsWaitingWork()
    {
        await using var app = new AppFactory();
        var activity = await app.PublishedActivityAsync(title: "Home page seminar");
        await app.BookAsync(Demo.StaffCoventry, activity);
        var theme = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Themes.Select(t => t.Id)));
        await app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync("/placements/request", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Coaching", ["Input.ThemeIds"] = theme.ToString(), ["Input.Goals"] = "Chair well.",
        });

        var staffHome = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/");
        Assert.Contains("Home page seminar", staffHome.QuerySelector("main")!.TextContent);
        var coordinatorHome = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/");
        Assert.Contains("1 support request to match", System.Text.RegularExpressions.Regex.Replace(coordinatorHome.QuerySelector("main")!.TextContent, @"\s+", " "));
    }

    [Fact]
    public async Task Staff_SeesTheirPartnership_NotCoordinatorNavigationOrBudget()
    {
        var page = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Your partnership", main);
        Assert.Contains("Birmingham", main);
        Assert.DoesNotContain("£250,000", main);
        Assert.Null(page.QuerySelector("#navigation a[href='/people']"));
        Assert.Null(page.QuerySelector("#navigation a[href='/outbox']"));
        Assert.NotNull(page.QuerySelector("#navigation a[href='/proposals']"));
    }

    [Fact]
    public async Task Mentor_HasNoProposalsSection()
    {
        var page = await _app.CreateClientAs(Demo.Mentor).GetDocumentAsync("/");
        Assert.Null(page.QuerySelector("#navigation a[href='/proposals']"));
    }
}
