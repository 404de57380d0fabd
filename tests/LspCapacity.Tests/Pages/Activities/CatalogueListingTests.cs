using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Activities;

/// <summary>
/// A view of the catalogue without places left or a month chosen keeps its order (per programme data version, and only until
/// the next activity starts or ends); its page's rows are read for each request. A change on another app instance shows at
/// once, and an activity moves from upcoming to past when it starts and ends, with nothing saved.
/// </summary>
public partial class CatalogueListingTests
{
    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("main .app-activity-list h2 a").Select(a => a.TextContent.Trim()).ToList();

    private static int Total(IHtmlDocument page) =>
        ShowingOf().Match(page.QuerySelector("main p[role=status]")!.TextContent) is { Success: true } showing
            ? int.Parse(showing.Groups["total"].Value) : 0;

    [Fact]
    public async Task AKeptView_ShowsAChangeMadeOnAnotherInstanceAtOnce()
    {
        await using var app = new AppFactory();
        var themes = await app.WithDbAsync(db => db.Themes.OrderBy(t => t.Position).Select(t => t.Id).Take(2).ToListAsync());
        var staff = app.CreateClientAs(Demo.StaffBirmingham);
        var byFirstTheme = $"/activities?theme={themes[0]}";
        var bySecondTheme = $"/activities?theme={themes[1]}";
        var before = await staff.GetDocumentAsync(byFirstTheme);
        Assert.Equal(Total(before), Total(await staff.GetDocumentAsync(byFirstTheme))); // kept
        var secondBefore = Total(await staff.GetDocumentAsync(bySecondTheme));

        // Published on the second instance (with the first theme, starting tomorrow, so first in the list).
        await using var second = AppFactory.SecondInstanceOf(app);
        var id = await second.PublishedActivityAsync(title: "Published on the second instance", startsIn: TimeSpan.FromHours(2));
        var published = await staff.GetDocumentAsync(byFirstTheme);
        Assert.Equal(Total(before) + 1, Total(published));
        Assert.Equal("Published on the second instance", Titles(published)[0]);

        // Its theme changed there: it leaves the first theme's list and joins the second's.
        await second.WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.Themes).SingleAsync(a => a.Id == id);
            activity.SetThemes([themes[1]]);
            await db.SaveChangesAsync();
        });
        Assert.Equal(Total(before), Total(await staff.GetDocumentAsync(byFirstTheme)));
        var moved = await staff.GetDocumentAsync(bySecondTheme);
        Assert.Equal(secondBefore + 1, Total(moved));
        Assert.Contains("Published on the second instance", Titles(moved));

        // Cancelled there: gone from the upcoming list, and in the past only once it would have started.
        await second.WithDbAsync(async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == id);
            activity.Cancel("Speaker unwell", second.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        Assert.DoesNotContain("Published on the second instance", Titles(await staff.GetDocumentAsync(bySecondTheme)));
        Assert.Equal(secondBefore, Total(await staff.GetDocumentAsync(bySecondTheme)));
    }

    [Fact]
    public async Task AnActivity_MovesFromUpcomingToPast_AsItStartsAndEnds_WithNothingSaved()
    {
        await using var app = new AppFactory();
        await app.PublishedActivityAsync(title: "Starts in half an hour", startsIn: TimeSpan.FromMinutes(30)); // six hours long
        var staff = app.CreateClientAs(Demo.StaffBirmingham);
        Assert.Contains("Starts in half an hour", Titles(await staff.GetDocumentAsync("/activities")));
        Assert.DoesNotContain("Starts in half an hour", Titles(await staff.GetDocumentAsync("/activities?past=true")));

        app.Clock.Advance(TimeSpan.FromMinutes(31)); // started: past, and still upcoming until it ends
        Assert.Equal("Starts in half an hour", Titles(await staff.GetDocumentAsync("/activities?past=true"))[0]);
        Assert.Contains("Starts in half an hour", Titles(await staff.GetDocumentAsync("/activities")));

        app.Clock.Advance(TimeSpan.FromHours(6)); // ended
        Assert.DoesNotContain("Starts in half an hour", Titles(await staff.GetDocumentAsync("/activities")));
        Assert.Equal("Starts in half an hour", Titles(await staff.GetDocumentAsync("/activities?past=true"))[0]);
    }

    [Fact]
    public async Task AKeptView_GivesEachPersonTheirOwnRows_OnEveryPage_InDateOrder()
    {
        await using var app = new AppFactory();
        for (var i = 1; i <= 25; i++)
        {
            await app.PublishedActivityAsync(title: $"Listed seminar {i:00}", startsIn: TimeSpan.FromDays(700 + i));
        }
        var full = await app.PublishedActivityAsync(capacity: 1, title: "Listed seminar full", startsIn: TimeSpan.FromDays(700.5));
        await app.BookAsync(Demo.StaffCoventry, full);
        foreach (var (person, theirs) in new[] { (Demo.StaffCoventry, "You have a place"), (Demo.StaffBirmingham, "Waiting list") })
        {
            var client = app.CreateClientAs(person);
            var first = await client.GetDocumentAsync("/activities");
            var total = Total(first);
            var last = (total + 19) / 20;
            var pages = new List<IHtmlDocument>();
            for (var page = 1; page <= last; page++)
            {
                pages.Add(await client.GetDocumentAsync($"/activities?page={page}"));
            }
            var listed = pages.SelectMany(Titles).ToList();
            Assert.Equal(total, listed.Count);
            Assert.Equal(listed.Distinct().Count(), listed.Count);
            var ours = listed.Where(t => t.StartsWith("Listed seminar", StringComparison.Ordinal)).ToList();
            Assert.Equal(["Listed seminar full", .. Enumerable.Range(1, 25).Select(i => $"Listed seminar {i:00}")], ours);
            Assert.Equal(Titles(pages[^1]), Titles(await client.GetDocumentAsync("/activities?page=99"))); // past the last: the last
            var row = pages.SelectMany(p => p.QuerySelectorAll(".app-activity-list__item"))
                .Single(i => i.QuerySelector("h2")!.TextContent.Trim() == "Listed seminar full");
            Assert.Contains(theirs, row.TextContent);
        }
    }

    [GeneratedRegex(@"of (?<total>\d+) activities")]
    private static partial Regex ShowingOf();
}
