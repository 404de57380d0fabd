using System.Net;
using Ical.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.My;

public class MyBookingsTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public MyBookingsTests(AppFactory app) => _app = app;

    [Fact]
    public async Task MyBookings_ListsOnlyMyOwn()
    {
        var activity = await _app.PublishedActivityAsync(title: "Only mine seminar");
        var people = await _app.PeopleAsync(2, "Dudley");
        await _app.BookAsync(people[0], activity);

        var mine = await _app.CreateClientAs(people[0]).GetDocumentAsync("/my/bookings");
        Assert.Contains("Only mine seminar", mine.QuerySelector("main table")!.TextContent);
        Assert.Contains("Confirmed", mine.QuerySelector("main table")!.TextContent);
        var theirs = await _app.CreateClientAs(people[1]).GetDocumentAsync("/my/bookings");
        Assert.Null(theirs.QuerySelector("main table"));
    }

    [Fact]
    public async Task MyBookings_PagesByTwentyFive_InDateOrder_APagePastTheLastShowsTheLast_InTwoQueries()
    {
        var person = (await _app.PeopleAsync(1, "Dudley"))[0];
        for (var i = 27; i >= 1; i--) // created out of order: the page sorts them
        {
            var activity = await _app.PublishedActivityAsync(title: $"Paged booking {i:00}", startsIn: TimeSpan.FromDays(i));
            await _app.BookAsync(person, activity);
        }
        var client = _app.CreateClientAs(person);
        static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("main table tbody tr th a, main table tbody tr td a").Select(a => a.TextContent.Trim())
                .Where(t => t.StartsWith("Paged booking", StringComparison.Ordinal)).ToList();

        var first = await client.GetDocumentAsync("/my/bookings");
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Paged booking {i:00}"), Titles(first));
        Assert.Contains("(page 1 of 2)", first.Title);
        var second = await client.GetDocumentAsync("/my/bookings?page=2");
        Assert.Equal(["Paged booking 26", "Paged booking 27"], Titles(second));
        var pastTheLast = await client.GetDocumentAsync("/my/bookings?page=9");
        Assert.Equal(["Paged booking 26", "Paged booking 27"], Titles(pastTheLast));
        Assert.Contains("(page 2 of 2)", pastTheLast.Title);

        // Besides what every signed-in page runs (the test's sign-in): the page with its total, and the calendar link.
        Assert.Equal(await _app.QueriesForAsync(client, "/accessibility") + 2, await _app.QueriesForAsync(client, "/my/bookings"));
    }

    [Fact]
    public async Task GiveFeedback_IsOfferedOnlyOnceTheActivityHasEnded()
    {
        var activity = await _app.PublishedActivityAsync(title: "Feedback timing seminar", startsIn: TimeSpan.FromHours(1));
        var person = (await _app.PeopleAsync(1, "Dudley"))[0];
        await _app.BookAsync(person, activity);
        _app.Clock.Advance(TimeSpan.FromHours(2)); // the six-hour seminar is under way
        await _app.WithDbAsync(async db =>
        {
            var running = await db.Activities.Include(a => a.Bookings).SingleAsync(a => a.Id == activity);
            running.RecordAttendance(running.Bookings.Single(), Attendance.Attended, _app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var client = _app.CreateClientAs(person);

        var during = await client.GetDocumentAsync("/my/bookings");

        var row = during.QuerySelectorAll("main table tr").Single(r => r.TextContent.Contains("Feedback timing seminar"));
        Assert.DoesNotContain(row.QuerySelectorAll("a"), a => a.TextContent.Contains("Give feedback"));
        Assert.Contains("Feedback opens when the activity ends", row.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/activities/{activity}/feedback")).StatusCode);

        _app.Clock.Advance(TimeSpan.FromHours(6));
        var after = await client.GetDocumentAsync("/my/bookings?past=true");

        var link = after.QuerySelectorAll("main table a").Single(a => a.TextContent.Contains("Give feedback"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.GetAttribute("href"))).StatusCode);
        Assert.DoesNotContain("Feedback opens when the activity ends", after.QuerySelector("main table")!.TextContent);
    }

    [Fact]
    public async Task CalendarFeed_ShowsTheOwnersPlaces_AndResettingKillsTheOldLink()
    {
        var activity = await _app.PublishedActivityAsync(title: "Feed seminar");
        var person = (await _app.PeopleAsync(1, "Walsall"))[0];
        await _app.BookAsync(person, activity);
        var client = _app.CreateClientAs(person);

        var created = await client.SubmitFormAsync("/my/bookings", new Dictionary<string, string>(), "form[action*='handler=Feed']");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await client.GetDocumentAsync("/my/bookings");
        var url = page.QuerySelector("#feed-url")!.GetAttribute("value")!;
        var path = new Uri(url).PathAndQuery;

        var feed = await _app.CreateAnonymousClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(["Feed seminar"], calendar.Events.Select(e => e.Summary));

        // Replacing breaks every subscribed calendar, so one click only asks "Are you sure?".
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Feed']"));
        var link = page.QuerySelectorAll("main a").Single(a => a.TextContent.StartsWith("Replace the link", StringComparison.Ordinal)).GetAttribute("href")!;
        var asking = await client.GetDocumentAsync(link);
        Assert.Contains("Are you sure you want to replace your calendar link?", asking.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateAnonymousClient().GetAsync(path)).StatusCode);

        var replaced = await client.SubmitFormAsync(link, new Dictionary<string, string>(), "form[action*='handler=Feed']");
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAnonymousClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAnonymousClient().GetAsync("/my/calendar.ics?token=guess")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAnonymousClient().GetAsync("/my/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task Upcoming_AreSoonestFirst_AndPast_LatestFirst()
    {
        var person = (await _app.PeopleAsync(1, "Dudley"))[0];
        foreach (var (title, days) in new[] { ("Order seminar in three days", 3), ("Order seminar tomorrow", 1), ("Order seminar in two days", 2) })
        {
            await _app.BookAsync(person, await _app.PublishedActivityAsync(title: title, startsIn: TimeSpan.FromDays(days)));
        }
        var client = _app.CreateClientAs(person);

        var upcoming = await client.GetDocumentAsync("/my/bookings");
        Assert.Equal(["Order seminar tomorrow", "Order seminar in two days", "Order seminar in three days"], OrderTitles(upcoming));
        Assert.Null((await client.GetDocumentAsync("/my/bookings?past=true")).QuerySelector("main table"));

        _app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Null((await client.GetDocumentAsync("/my/bookings")).QuerySelector("main table"));
        var past = await client.GetDocumentAsync("/my/bookings?past=true");
        Assert.Equal(["Order seminar in three days", "Order seminar in two days", "Order seminar tomorrow"], OrderTitles(past));
    }

    private static List<string> OrderTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main table th[scope=row] a").Select(a => a.TextContent.Trim()).Where(t => t.StartsWith("Order seminar", StringComparison.Ordinal)).ToList();
}
