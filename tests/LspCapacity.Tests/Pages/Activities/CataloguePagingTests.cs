using System.Text.RegularExpressions;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages.Activities;

/// <summary>
/// The catalogue pages through the region's activities and the national showcases as one list in date order: a page
/// number past the last shows the last page (read backwards in one query), the same rows as asking for it by number.
/// </summary>
public partial class CataloguePagingTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public CataloguePagingTests(AppFactory app) => _app = app;

    [Fact]
    public async Task APagePastTheLast_ShowsTheLastPage_InDateOrder()
    {
        // Far in the future, so these 45 are the end of the list, the latest last.
        for (var i = 1; i <= 45; i++)
        {
            await _app.PublishedActivityAsync(title: $"Paging seminar {i:00}", startsIn: TimeSpan.FromDays(900 + i));
        }
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);

        var first = await staff.GetDocumentAsync("/activities");
        var total = int.Parse(ShowingOf().Match(first.QuerySelector("main p[role=status]")!.TextContent).Groups["total"].Value);
        var lastPage = (total + 19) / 20;
        var byNumber = await staff.GetDocumentAsync($"/activities?page={lastPage}");
        var pastTheEnd = await staff.GetDocumentAsync("/activities?page=999");

        Assert.Equal(Titles(byNumber), Titles(pastTheEnd));
        Assert.Equal($"Activities (page {lastPage} of {lastPage})", pastTheEnd.Title!.Split(" – ")[0]);
        Assert.Equal(total - (lastPage - 1) * 20, Titles(pastTheEnd).Count);
        Assert.Equal("Paging seminar 45", Titles(pastTheEnd)[^1]);
        var ours = Titles(pastTheEnd).Where(t => t.StartsWith("Paging seminar", StringComparison.Ordinal)).ToList();
        Assert.Equal(ours.Order(StringComparer.Ordinal), ours);
        Assert.Contains($"of {total} activities", pastTheEnd.QuerySelector("main p[role=status]")!.TextContent);

        // One round trip more than a page that exists (the page and its total, then the last page and its total).
        _app.Queries.Reset();
        await staff.GetDocumentAsync($"/activities?page={lastPage}");
        var onAPage = _app.Queries.Count;
        _app.Queries.Reset();
        await staff.GetDocumentAsync("/activities?page=999");
        Assert.Equal(onAPage + 1, _app.Queries.Count);
    }

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main .app-activity-list h2 a").Select(a => a.TextContent.Trim()).ToList();

    [GeneratedRegex(@"of (?<total>\d+) activities")]
    private static partial Regex ShowingOf();
}
