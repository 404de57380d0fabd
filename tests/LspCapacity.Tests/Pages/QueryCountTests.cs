using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// No N+1: each list page runs the same number of SQL commands whether it shows a few rows or many.
/// Counts, not timings: speed belongs to the benchmark.
/// </summary>
public class QueryCountTests
{
    private static async Task<int> QueriesForAsync(AppFactory app, string email, string url)
    {
        var client = app.CreateClientAs(email);
        await client.GetDocumentAsync(url); // warm up: first-request work is not the page's
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        Assert.True(app.Queries.Count > 1, $"{url}: the counter saw {app.Queries.Count} commands"); // the counter really counts
        return app.Queries.Count;
    }

    [Fact]
    public async Task ListPages_RunTheSameQueries_ForFewAndManyRows()
    {
        await using var app = new AppFactory();
        var urls = new[] { "/activities", "/people", "/partnerships", "/outbox" };
        var few = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            few[url] = await QueriesForAsync(app, Demo.Coordinator, url);
        }

        // Many more rows: activities with bookings, people, emails.
        for (var i = 0; i < 15; i++)
        {
            var activity = await app.PublishedActivityAsync(capacity: 5, title: $"Activity {i}");
            await app.BookAsync(Demo.StaffCoventry, activity);
        }
        await app.PeopleAsync(30, "Dudley", "Walsall");
        await app.DeliverOutboxAsync();

        foreach (var url in urls)
        {
            Assert.True(few[url] == await QueriesForAsync(app, Demo.Coordinator, url), $"{url} ran a different number of queries with more rows");
        }
    }

    [Fact]
    public async Task ActivityBookingsPage_RunsTheSameQueries_ForOneOrFortyBookings()
    {
        await using var app = new AppFactory();
        var small = await app.PublishedActivityAsync(capacity: 50, title: "Small");
        await app.BookAsync(Demo.StaffBirmingham, small);
        var big = await app.PublishedActivityAsync(capacity: 50, title: "Big");
        foreach (var person in await app.PeopleAsync(40, "Sandwell", "Solihull"))
        {
            await app.BookAsync(person, big);
        }

        Assert.Equal(
            await QueriesForAsync(app, Demo.Coordinator, $"/activities/{small}/bookings"),
            await QueriesForAsync(app, Demo.Coordinator, $"/activities/{big}/bookings"));
        Assert.Equal(
            await QueriesForAsync(app, Demo.Coordinator, $"/activities/{small}"),
            await QueriesForAsync(app, Demo.Coordinator, $"/activities/{big}"));
    }
}
