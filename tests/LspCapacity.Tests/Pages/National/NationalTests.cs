using System.Net;
using System.Text.RegularExpressions;
using LspCapacity.Tests.Pages.Dashboard;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Programme;
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
    public async Task Comparison_RunsTheSameQueries_ForTwoRegionsAndForTen()
    {
        await using var app = new KnownRegion();
        await app.InitializeAsync();
        async Task<int> QueriesAsync()
        {
            var client = app.CreateClientAs(Demo.National);
            await client.GetDocumentAsync("/national/regions"); // warm up
            app.Queries.Reset();
            await client.GetDocumentAsync("/national/regions");
            return app.Queries.Count;
        }
        var two = await QueriesAsync();

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
