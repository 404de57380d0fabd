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
        Assert.NotNull(page.QuerySelector("#navigation a[href='/people']"));
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
    }
}
