using System.Net;
using System.Text.RegularExpressions;
using LspCapacity.Tests.Pages.Dashboard;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.National;

/// <summary>
/// The national team (issue 21): reads every region's dashboard, coverage, heatmap and report, compares the
/// regions side by side, and changes nothing. Not a column of the access table: its answers are here.
/// Over <see cref="KnownRegion"/>, whose North West figures are worked out by hand.
/// </summary>
public class NationalTests : IClassFixture<KnownRegion>
{
    private readonly KnownRegion _app;

    public NationalTests(KnownRegion app) => _app = app;

    private static string Text(AngleSharp.Dom.IElement? element) => Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();

    private Task<int> WestMidlandsAsync() => _app.WithDbAsync(db => db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task National_ReadsEveryRegionsDashboardCoverageReportAndHeatmap()
    {
        var national = _app.CreateClientAs(Demo.National);
        var westMidlands = await WestMidlandsAsync();
        foreach (var (region, name) in new[] { (_app.RegionId, "North West"), (westMidlands, "West Midlands") })
        {
            foreach (var page in new[] { "/dashboard", "/dashboard/participation", "/dashboard/value", "/dashboard/distance", "/dashboard/projects",
                         "/dashboard/report", "/needs/coverage" })
            {
                var document = await national.GetDocumentAsync($"{page}?region={region}");
                Assert.StartsWith(name, Text(document.QuerySelector("#programme-shown")));
            }
            var csv = await national.GetAsync($"/dashboard/export/participation.csv?region={region}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        }
        // The heatmap of a survey of any region (its answers by partnership stay for the region's own people).
        var survey = await _app.WithDbAsync(db => db.Surveys.Where(s => s.RegionId == _app.RegionId && s.Title == "NW follow-up").Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await national.GetAsync($"/needs/surveys/{survey}/results")).StatusCode);

        // Their navigation is the comparison and the region pages; their home region is none, so the regional work pages are closed.
        var home = await national.GetDocumentAsync("/national/regions");
        Assert.Equal(["/national/regions", "/library"], home.QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")));
        foreach (var refused in new[] { "/activities/create", "/people", "/people/invite", "/admin/programmes", "/admin/themes", "/outbox", "/needs/surveys/create", "/activities" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync(refused)).StatusCode);
        }
    }

    [Fact]
    public async Task National_EveryPostIsRefused_AndNothingChanges()
    {
        var national = _app.CreateClientAs(Demo.National);
        // A real antiforgery token for this person, from their own account's form, so only the role can refuse.
        var account = await national.GetDocumentAsync("/account/change-password");
        var token = account.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var programme = await _app.WithDbAsync(db => db.Programmes.Where(p => p.RegionId != _app.RegionId && p.ClosedAt == null).Select(p => p.Id).FirstAsync());
        var activity = _app.X2Id;
        foreach (var url in new[]
                 {
                     $"/partnerships/{_app.Knowsley}?handler=Deactivate", $"/partnerships/{_app.Knowsley}?handler=Merge", $"/partnerships/{_app.Knowsley}/edit",
                     $"/admin/programmes/{programme}?handler=Close", "/admin/programmes/new", "/admin/themes", "/people/invite",
                     $"/activities/{activity}?handler=Book", "/needs/surveys/create", "/national/regions", "/dashboard", "/projects/register",
                 })
        {
            var response = await national.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["SurvivorId"] = _app.Liverpool.ToString(), ["Input.Name"] = "x",
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {url} answered {(int)response.StatusCode}");
        }
        Assert.True(await _app.WithDbAsync(db => db.Partnerships.Where(p => p.Id == _app.Knowsley).Select(p => p.IsActive && p.MergedIntoId == null).SingleAsync()));
        Assert.False(await _app.WithDbAsync(db => db.Programmes.AnyAsync(p => p.ClosedAt != null && p.Id == programme)));
    }

    [Fact]
    public async Task Comparison_ShowsEachRegionsFigures_ByTheDashboardsDefinitions_WithCsv()
    {
        var national = _app.CreateClientAs(Demo.National);
        var page = await national.GetDocumentAsync("/national/regions");
        var row = page.QuerySelector($"#region-{_app.RegionId}")!;
        string Figure(string name) => Text(row.QuerySelector($"[data-figure='{name}']"));
        Assert.Equal("67% 2 of 3", Figure("response-rate")); // both answered the follow-up, Sefton did not
        Assert.Equal("25% 2 of 8", Figure("fill-rate")); // X2: 2 confirmed of 8
        Assert.Equal("£333.33", Figure("cost-per-place")); // X1: £1,000 for 3 attended
        Assert.Equal("+0.8", Figure("distance")); // (1.5 + 2.5 + 0.5 − 1.5) / 4 = 0.75
        Assert.Equal("0% 0 of 4", Figure("linked")); // 3 attended places and 1 placement, none for a project
        Assert.NotNull(page.QuerySelector($"#region-{await WestMidlandsAsync()}"));

        var csv = await national.GetAsync("/national/regions?handler=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Region,Active partnerships,Latest survey,Responses submitted,Response rate (%)", lines[0]);
        Assert.Contains("North West,3,NW follow-up,2,67,8,2,25,1000.00,3,333.33,NW follow-up,0.75,4,0,0", lines);

        // Admins compare too; a coordinator (of one region) does not.
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.Admin).GetAsync("/national/regions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Coordinator).GetAsync("/national/regions")).StatusCode);
    }

    [Fact]
    public async Task Comparison_IsKeptBetweenLooks_AndAChangeOnAnotherInstanceShowsAtOnce()
    {
        await using var app = new KnownRegion();
        await app.InitializeAsync();
        // Before the first look: a Knowsley project, and a seminar that has happened (£200, k1 attended) but is not completed yet.
        var (seminar, project) = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var k1 = await db.Users.Where(u => u.Email == "k1@nw.example").Select(u => u.Id).SingleAsync();
            var supported = SupportedProjects.New(db, app.RegionId, app.Knowsley, k1, "Knowsley scrutiny", [app.ThemeA], now, LspCapacity.Web.Infrastructure.UkTime.Today(app.Clock));
            var start = now.AddDays(-3);
            var activity = new Activity(app.RegionId, new ActivityDetails(ActivityKind.Seminar, "Happened", "About it.", start, start.AddHours(3), "Town hall", null, 10,
                null, start.AddDays(-20), start, BookingMode.FirstCome, null, null, null), [app.ThemeA], start.AddDays(-30));
            activity.SetCosts([(CostCategory.Venue, null, 200m)]);
            activity.Publish(start.AddDays(-20));
            activity.RecordAttendance(activity.Book(k1, app.Knowsley, start.AddDays(-10)), Attendance.Attended, start.AddHours(1));
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return (activity.Id, supported);
        });
        var national = app.CreateClientAs(Demo.National);
        async Task<string[]> FiguresAsync()
        {
            var row = (await national.GetDocumentAsync("/national/regions")).QuerySelector($"#region-{app.RegionId}")!;
            return [.. new[] { "fill-rate", "cost-per-place", "linked" }.Select(name => Text(row.QuerySelector($"[data-figure='{name}']")))];
        }
        // X1 £1,000 for 3 attended; 4 attended places (X1's 3, the seminar's 1) and 1 placement, none for a project.
        Assert.Equal(["25% 2 of 8", "£333.33", "0% 0 of 5"], await FiguresAsync());
        app.Queries.Reset();
        Assert.Equal(["25% 2 of 8", "£333.33", "0% 0 of 5"], await FiguresAsync());
        var kept = app.Queries.Count;

        await using var second = AppFactory.SecondInstanceOf(app);
        Task OnSecondAsync(Func<AppDbContext, Task> change) => second.WithDbAsync(async db =>
        {
            await change(db);
            await db.SaveChangesAsync();
        });
        var secondNow = second.Clock.GetUtcNow().UtcDateTime;

        // A place booked moves the fill rate only, which is read afresh each time.
        await OnSecondAsync(async db =>
        {
            var x2 = await db.Activities.Include(a => a.Bookings).SingleAsync(a => a.Id == app.X2Id);
            x2.Book(await db.Users.Where(u => u.Email == "k2@nw.example").Select(u => u.Id).SingleAsync(), app.Knowsley, secondNow);
        });
        Assert.Equal(["38% 3 of 8", "£333.33", "0% 0 of 5"], await FiguresAsync());

        // The seminar completed (its status alone): £1,200 for 4 attended.
        await OnSecondAsync(async db => (await db.Activities.SingleAsync(a => a.Id == seminar)).Complete(secondNow));
        Assert.Equal(["38% 3 of 8", "£300.00", "0% 0 of 5"], await FiguresAsync());

        // X1's costs changed (its cost lines alone): £1,400 for 4.
        await OnSecondAsync(async db =>
            (await db.Activities.Include(a => a.Costs).SingleAsync(a => a.Id == app.X1Id)).SetCosts([(CostCategory.Venue, null, 600m), (CostCategory.Speakers, null, 600m)]));
        Assert.Equal(["38% 3 of 8", "£350.00", "0% 0 of 5"], await FiguresAsync());

        // The seminar's place serves the project (the booking's project alone).
        await OnSecondAsync(async db => (await db.Bookings.SingleAsync(b => b.ActivityId == seminar))
            .ServeProject(new ProjectForSupport(project.Id, app.Knowsley, project.Title, Accepted: true, Completed: false)));
        Assert.Equal(["38% 3 of 8", "£350.00", "20% 1 of 5"], await FiguresAsync());

        // A coordinator removes an attended place from X1 (the booking's status alone): 3 confirmed attended places and the placement.
        await OnSecondAsync(async db =>
        {
            var x1 = await db.Activities.Include(a => a.Bookings).SingleAsync(a => a.Id == app.X1Id);
            x1.CancelBooking(x1.Bookings.First(b => b.Attendance == Attendance.Attended), secondNow, "Removed by the coordinator");
        });
        Assert.Equal(["38% 3 of 8", "£350.00", "25% 1 of 4"], await FiguresAsync());

        app.Queries.Reset();
        await FiguresAsync();
        Assert.Equal(kept, app.Queries.Count); // and kept again
    }

    [Fact]
    public async Task Comparison_RunsTheSameQueries_ForTwoRegionsAndForTen()
    {
        await using var app = new KnownRegion();
        await app.InitializeAsync();
        // The first look after a change works the figures out; the next reads them from the cache.
        async Task<(int First, int Kept)> QueriesAsync()
        {
            var client = app.CreateClientAs(Demo.National);
            app.Queries.Reset();
            await client.GetDocumentAsync("/national/regions");
            var first = app.Queries.Count;
            app.Queries.Reset();
            await client.GetDocumentAsync("/national/regions");
            return (first, app.Queries.Count);
        }
        var two = await QueriesAsync();
        Assert.True(two.Kept < two.First - 5, $"{two.Kept} commands kept, {two.First} to work the figures out");

        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var theme = await db.Themes.Select(t => t.Id).FirstAsync();
            for (var i = 0; i < 8; i++)
            {
                var region = new Region($"region-{i}", $"Region {i}");
                db.Regions.Add(region);
                await db.SaveChangesAsync();
                db.Partnerships.Add(new Partnership(region.Id, $"Partnership {i}", AreaType.Unitary, false));
                var activity = new Activity(region.Id, new ActivityDetails(ActivityKind.Seminar, $"Seminar {i}", "About it.", now.AddDays(10), now.AddDays(10).AddHours(3),
                    "Town hall", null, 20, null, now.AddDays(-1), now.AddDays(10), BookingMode.FirstCome, null, null, null), [theme], now);
                activity.Publish(now);
                db.Activities.Add(activity);
                await db.SaveChangesAsync();
            }
        });
        Assert.Equal(10, await app.WithDbAsync(db => db.Regions.CountAsync()));
        Assert.Equal(two, await QueriesAsync());
    }
}
