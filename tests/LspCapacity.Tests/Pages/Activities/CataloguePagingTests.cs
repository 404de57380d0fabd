using System.Text.RegularExpressions;
using LspCapacity.Tests.Support;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

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

        // The list's order is kept: a page past the last reads its rows as a page that exists does. A month's list is read
        // each time: one round trip more than a page that exists (the page and its total, then the last page and its total).
        _app.Queries.Reset();
        await staff.GetDocumentAsync($"/activities?page={lastPage}");
        var onAPage = _app.Queries.Count;
        _app.Queries.Reset();
        await staff.GetDocumentAsync("/activities?page=999");
        Assert.Equal(onAPage, _app.Queries.Count);
        var month = $"/activities?month={_app.Clock.GetUtcNow().UtcDateTime:yyyy-MM}";
        await staff.GetDocumentAsync(month);
        _app.Queries.Reset();
        await staff.GetDocumentAsync(month);
        var onAMonth = _app.Queries.Count;
        _app.Queries.Reset();
        await staff.GetDocumentAsync(month + "&page=999");
        Assert.Equal(onAMonth + 1, _app.Queries.Count);
    }

    /// <summary>
    /// Each row shows its themes (in the order of their ids, whatever order they were chosen in) and the viewer's own live
    /// booking, which comes with the page and its total in one round trip; the page's themes are one more.
    /// </summary>
    [Fact]
    public async Task ARow_ShowsItsThemesInOrder_AndTheViewersOwnBooking_WithThePage()
    {
        var full = await _app.PublishedActivityAsync(capacity: 1, title: "Rows seminar full", startsIn: TimeSpan.FromHours(1));
        var themes = await _app.WithDbAsync(async db =>
        {
            var ids = await db.Themes.OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).Take(3).ToListAsync();
            var activity = await db.Activities.Include(a => a.Themes).SingleAsync(a => a.Id == full);
            activity.SetThemes([ids[2].Id, ids[0].Id, ids[1].Id]);
            await db.SaveChangesAsync();
            return ids.Select(t => (t.Id, t.Name)).ToList();
        });
        await _app.BookAsync(Demo.StaffBirmingham, full);
        await _app.BookAsync(Demo.StaffCoventry, full); // the one place is taken: waiting

        static IElement Row(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".app-activity-list__item").Single(i => i.QuerySelector("h2")!.TextContent.Trim() == "Rows seminar full");
        var booker = Row(await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/activities"));
        Assert.Contains(string.Join(", ", themes.Select(t => t.Name)), booker.TextContent);
        // A filtered view (the same compiled query, its filter a parameter) reads the themes the same way.
        var filtered = Row(await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync($"/activities?theme={themes[2].Id}"));
        Assert.Contains(string.Join(", ", themes.Select(t => t.Name)), filtered.TextContent);
        Assert.Contains("You have a place", filtered.TextContent);
        Assert.Contains("You have a place", booker.TextContent);
        Assert.Contains("You are on the waiting list", Row(await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/activities")).TextContent);
        var someoneElse = Row(await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/activities"));
        Assert.Contains("Waiting list", someoneElse.TextContent);
        Assert.DoesNotContain("You ", someoneElse.TextContent);

        // Besides what every signed-in page runs (the test's sign-in): the data versions (are the theme names held in
        // memory still current?), and the page with its total, the viewer's bookings and each row's themes.
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        Assert.Equal(await _app.QueriesForAsync(staff, "/accessibility") + 2, await _app.QueriesForAsync(staff, "/activities"));
        // The same with a filter.
        Assert.Equal(await _app.QueriesForAsync(staff, "/accessibility") + 2, await _app.QueriesForAsync(staff, "/activities?kind=Seminar"));
    }

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main .app-activity-list h2 a").Select(a => a.TextContent.Trim()).ToList();

    [GeneratedRegex(@"of (?<total>\d+) activities")]
    private static partial Regex ShowingOf();
}
