using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>Every figure on a known data set (see <see cref="KnownRegion"/>) equals its hand-worked value, on the page and in the CSV.</summary>
public partial class DashboardTests : IClassFixture<KnownRegion>
{
    private readonly KnownRegion _app;

    public DashboardTests(KnownRegion app) => _app = app;

    private Task<IHtmlDocument> PageAsync(string url) => _app.CreateClientAs(KnownRegion.Coordinator).GetDocumentAsync(url);

    private static string Text(AngleSharp.Dom.IElement? element) => Spaces().Replace(element?.TextContent ?? "", " ").Trim();

    private static IReadOnlyList<string> Cells(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("th, td").Select(c => Text(c)).ToList();

    private static AngleSharp.Dom.IElement Row(IHtmlDocument page, string table, string startsWith) =>
        page.QuerySelectorAll($"#{table} tbody tr").Single(r => Text(r.QuerySelector("th")).StartsWith(startsWith, StringComparison.Ordinal));

    /// <summary>The CSV's data rows (the reader takes the first line as the header).</summary>
    private async Task<List<string[]>> CsvAsync(string table)
    {
        var response = await _app.CreateClientAs(KnownRegion.Coordinator).GetAsync($"/dashboard/export/{table}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        using var reader = CsvHelper.CsvReader.FromText((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }

    [Fact]
    public async Task Dashboard_ShowsTheHandWorkedFigures_EachLinkingToItsList()
    {
        var page = await PageAsync("/dashboard");

        Assert.Equal("1", Text(page.QuerySelector("#figure-upcoming")));
        Assert.Equal("25%", Text(page.QuerySelector("#figure-fill-rate"))); // 2 of 8
        Assert.Equal("67%", Text(page.QuerySelector("#figure-response-rate"))); // 2 of 3 partnerships
        Assert.Equal("1", Text(page.QuerySelector("#figure-placements-active")));
        Assert.Equal("1", Text(page.QuerySelector("#figure-placements-quiet"))); // last session 60 days ago
        Assert.Equal("1", Text(page.QuerySelector("#figure-moderation")));
        Assert.Equal("1", Text(page.QuerySelector("#figure-failed-emails")));
        Assert.Equal("2", Text(page.QuerySelector("#figure-reviews-total")));

        Assert.Equal("/activities", page.QuerySelector("#figure-upcoming")!.Closest("a")!.GetAttribute("href"));
        Assert.Equal("/placements?quiet=true", page.QuerySelector("#figure-placements-quiet")!.Closest("a")!.GetAttribute("href"));
        Assert.Equal("/library/moderation", page.QuerySelector("#figure-moderation")!.Closest("a")!.GetAttribute("href"));
        Assert.Equal("/outbox?status=Failed", page.QuerySelector("#figure-failed-emails")!.Closest("a")!.GetAttribute("href"));
        Assert.Equal("/reviews", page.QuerySelector("#figure-reviews-total")!.Closest("a")!.GetAttribute("href"));

        Assert.Equal([KnownRegion.X2, Text(Row(page, "upcoming", KnownRegion.X2).QuerySelectorAll("td")[0]), "2 of 8", "25%"], Cells(Row(page, "upcoming", KnownRegion.X2)));
        var chart = page.QuerySelector("svg[role='img']")!;
        Assert.Equal("Fill rate of the next activities", Text(chart.QuerySelector("title")));
        Assert.Contains($"{KnownRegion.X2}: 25%", Text(chart.QuerySelector("desc")));
        Assert.Equal("fill-rates-title fill-rates-desc", chart.GetAttribute("aria-labelledby"));

        var csv = await CsvAsync("upcoming");
        Assert.Equal(["Commissioning workshop", "8", "2", "25"], [csv[0][0], csv[0][2], csv[0][3], csv[0][4]]);
    }

    [Fact]
    public async Task Dashboard_ShowsReviewsByStage_EveryStageInOrder_EachLinkingToTheFilteredList()
    {
        var page = await PageAsync("/dashboard");

        var links = page.QuerySelectorAll("#figure-reviews li a");
        // R1 at self-assessment, R2 at scoping; the West Midlands review of Birmingham (also at self-assessment) is not counted.
        Assert.Equal(["Scoping: 1", "Self-assessment: 1", "On-site: 0", "Findings: 0", "Report agreed: 0", "Action plan: 0", "Follow-up: 0", "Closed: 0"],
            links.Select(a => Text(a)));
        Assert.Equal(["/reviews?stage=Scoping", "/reviews?stage=SelfAssessment", "/reviews?stage=OnSite", "/reviews?stage=Findings",
                "/reviews?stage=ReportAgreed", "/reviews?stage=ActionPlan", "/reviews?stage=FollowUp", "/reviews?stage=Closed"],
            links.Select(a => a.GetAttribute("href")));

        // Each link opens the list filtered to its stage: the review list really binds ?stage=.
        var selfAssessment = await PageAsync("/reviews?stage=SelfAssessment");
        Assert.Equal([$"/reviews/{_app.SeftonReviewId}"], selfAssessment.QuerySelectorAll("main table tbody a").Select(a => a.GetAttribute("href")));
        var scoping = await PageAsync("/reviews?stage=Scoping");
        Assert.Equal([$"/reviews/{_app.KnowsleyReviewId}"], scoping.QuerySelectorAll("main table tbody a").Select(a => a.GetAttribute("href")));
        Assert.Null((await PageAsync("/reviews?stage=Closed")).QuerySelector("main table"));
    }

    [Fact]
    public async Task Participation_CountsReviewsHosted_AndFlagsHighNeedWithLowParticipation_AndSaysWhatLowMeans()
    {
        var page = await PageAsync("/dashboard/participation");

        Assert.Contains("fewer than 2 engagements", Text(page.QuerySelector("#definitions")));
        Assert.Contains("one peer review hosted", Text(page.QuerySelector("#definitions")));
        // Liverpool: a placement only, 1 engagement, with a high need: flagged. Sefton hosts a review but has no known need.
        Assert.Equal("1", Text(page.QuerySelector("#flagged-count")));
        // Partnership, need, booked, attended, hours, case studies, reviews, engagements, flag
        Assert.Equal(["Liverpool", "High 1 high-need theme", "3", "0", "1.5", "0", "0", "0", "1", "Flagged: high need, low participation"],
            Cells(Row(page, "participation", "Liverpool")));
        Assert.Equal(["Knowsley", "High 1 high-need theme", "3", "3", "0.0", "1", "1", "0", "4", "–"],
            Cells(Row(page, "participation", "Knowsley")));
        // Sefton has no known need: not judged, so not called out beside the flagged rows the headline counts.
        Assert.Equal(["Sefton", "No answer", "0", "0", "0.0", "0", "1", "0", "1", "–"],
            Cells(Row(page, "participation", "Sefton")));
        // Mean engagements of the high-need partnerships: (1 + 4) / 2 = 2.5, one flagged.
        Assert.Equal(["High need", "2", "2.5", "1"], Cells(Row(page, "by-need", "High")));
        // Flagged first by default.
        Assert.Equal("Liverpool", Text(page.QuerySelector("#participation tbody tr th")));

        var csv = await CsvAsync("participation");
        Assert.Equal(["Liverpool", "High", "1", "3", "0", "1", "1.5", "0", "0", "1", "yes", "yes"], csv.Single(r => r[0] == "Liverpool"));
        Assert.Equal(["Knowsley", "High", "1", "3", "3", "0", "0.0", "1", "1", "4", "no", "no"], csv.Single(r => r[0] == "Knowsley"));
        // The CSV says what the page says: "No answer" for the need, and no low-participation judgement without one.
        Assert.Equal(["Sefton", "No answer", "0", "0", "0", "0", "0.0", "0", "1", "1", "", "no"], csv.Single(r => r[0] == "Sefton"));
    }

    [Theory]
    [InlineData("name", "asc", "Knowsley,Liverpool,Sefton")]
    [InlineData("name", "desc", "Sefton,Liverpool,Knowsley")]
    [InlineData("attended", "desc", "Knowsley,Liverpool,Sefton")]
    [InlineData("hours", "desc", "Liverpool,Knowsley,Sefton")]
    [InlineData("engagements", "asc", "Liverpool,Sefton,Knowsley")]
    [InlineData("reviews", "asc", "Liverpool,Knowsley,Sefton")]
    [InlineData("reviews", "desc", "Knowsley,Sefton,Liverpool")]
    [InlineData("nonsense", "sideways", "Liverpool,Knowsley,Sefton")] // falls back to flagged (then high need) first
    [InlineData("nonsense", "asc", "Sefton,Knowsley,Liverpool")] // flagged last: Sefton, with no known need, first
    [InlineData("3", "", "Liverpool,Knowsley,Sefton")]
    public async Task Participation_SortsByColumn_AndFallsBackOnBadInput(string sort, string dir, string expected)
    {
        var page = await PageAsync($"/dashboard/participation?sort={sort}&dir={dir}&page=zz");
        Assert.Equal(expected, string.Join(",", page.QuerySelectorAll("#participation tbody tr th").Select(th => Text(th))));
    }

    [Fact]
    public async Task Participation_HeadingsAreSortLinks()
    {
        var page = await PageAsync("/dashboard/participation?sort=name&dir=asc");
        var name = page.QuerySelectorAll("#participation thead th").First();
        Assert.Equal("ascending", name.GetAttribute("aria-sort"));
        Assert.Equal("/dashboard/participation?sort=name&dir=desc", name.QuerySelector("a")!.GetAttribute("href"));
        var flagged = await PageAsync("/dashboard/participation?flagged=true");
        Assert.Equal(["Liverpool"], flagged.QuerySelectorAll("#participation tbody tr th").Select(th => Text(th)));
        var reviews = page.QuerySelectorAll("#participation thead th").Single(th => Text(th) == "Peer reviews");
        Assert.Equal("/dashboard/participation?sort=reviews&dir=desc", reviews.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ValueForMoney_CostPerAttendedPlace_Rating_BudgetCommittedSpent()
    {
        var page = await PageAsync("/dashboard/value");

        var x1 = Cells(Row(page, "activities", KnownRegion.X1));
        Assert.Equal(["£1,000.00", "3", "£333.33", "4.0 2 feedback"], x1.Skip(3));
        var x2 = Cells(Row(page, "activities", KnownRegion.X2));
        Assert.Equal(["£500.00", "0", "–", "–"], x2.Skip(3));
        Assert.Equal(2, page.QuerySelectorAll("#activities tbody tr").Length); // no draft, no cancelled

        Assert.Equal(["Budget", "£50,000.00"], Cells(Row(page, "programme", "Budget")));
        Assert.Equal(["Committed", "£500.00"], Cells(Row(page, "programme", "Committed")));
        Assert.Equal(["Spent", "£1,000.00"], Cells(Row(page, "programme", "Spent")));
        Assert.Equal(["Remaining", "£48,500.00"], Cells(Row(page, "programme", "Remaining")));
        Assert.Equal(["Cost per attended place", "£333.33"], Cells(Row(page, "programme", "Cost per attended place")));
        Assert.Equal(["Seminar", "1", "1", "£0.00", "£1,000.00", "3", "£333.33", "4.0"], Cells(Row(page, "kinds", "Seminar")));
        Assert.Equal(["Workshop", "1", "0", "£500.00", "£0.00", "0", "–", "–"], Cells(Row(page, "kinds", "Workshop")));
        Assert.Contains("Committed: the costs of published activities", Text(page.QuerySelector("#definitions")));
        Assert.Contains("Budget: £50,000.00; Committed: £500.00; Spent: £1,000.00; Remaining: £48,500.00", Text(page.QuerySelector("#budget-desc")));

        var csv = await CsvAsync("value");
        Assert.Equal(["1000.00", "3", "333.33", "2", "4.0"], csv.Single(r => r[0] == KnownRegion.X1)[4..]);
        Assert.Equal(["50000.00", "500.00", "1000.00", "48500.00", "3", "333.33", "4.0"], (await CsvAsync("programme")).Single()[1..]);
        Assert.Equal(["1", "1", "0.00", "1000.00", "3", "333.33", "4.0"], (await CsvAsync("kinds")).Single(r => r[0] == "Seminar")[1..]);
    }

    [Fact]
    public async Task Coverage_ListsEveryHighNeed_WithTheActivitiesPlacementsAndReviewsThatAddressIt()
    {
        var page = await PageAsync("/needs/coverage");

        // Liverpool×B is addressed by nothing (the review of Sefton is not Liverpool's); Knowsley×A by X1 and by its review.
        Assert.Equal("50%", Text(page.QuerySelector("#coverage-rate")));
        Assert.Equal("1 of 2", Text(page.QuerySelector("#coverage-count")));
        Assert.Contains("a peer review of the partnership focused on the theme", Text(page.QuerySelector("#definitions")));
        var rows = page.QuerySelectorAll("#needs tbody tr").Select(Cells).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Liverpool", _app.ThemeBName, "1.5", "None", "0", "None", "None", "Not covered"], rows[0]); // uncovered first (no improvement project either)
        Assert.Equal(["Knowsley", _app.ThemeAName, "2.5", $"1: {KnownRegion.X1}", "0", "1: On site 14 January 2027 (Scoping)", "None", "Covered"], rows[1]);
        Assert.NotNull(page.QuerySelector($"#needs a[href='/activities/{_app.X1Id}']"));
        Assert.NotNull(page.QuerySelector($"#needs tr[data-need='{_app.Knowsley}-{_app.ThemeA}'] a[href='/reviews/{_app.KnowsleyReviewId}']"));
        Assert.Null(page.QuerySelector($"#needs a[href='/reviews/{_app.SeftonReviewId}']"));

        var uncovered = await PageAsync("/needs/coverage?uncovered=true");
        Assert.Equal("Liverpool", Text(Assert.Single(uncovered.QuerySelectorAll("#needs tbody tr")).QuerySelector("th")));
        var byTheme = await PageAsync($"/needs/coverage?theme={_app.ThemeA}");
        Assert.Equal("Knowsley", Text(byTheme.QuerySelector("#needs tbody tr th")));
        var unknownTheme = await PageAsync("/needs/coverage?theme=99999&page=-4");
        Assert.Equal(2, unknownTheme.QuerySelectorAll("#needs tbody tr").Length);
        var badTheme = await PageAsync("/needs/coverage?theme=abc");
        Assert.Equal(2, badTheme.QuerySelectorAll("#needs tbody tr").Length);
        // A heatmap cell's link: one partnership and theme.
        var one = await PageAsync($"/needs/coverage?partnership={_app.Liverpool}&theme={_app.ThemeB}");
        Assert.Equal(["Liverpool", _app.ThemeBName], Cells(Assert.Single(one.QuerySelectorAll("#needs tbody tr"))).Take(2));
        Assert.Equal(_app.Liverpool.ToString(), one.QuerySelector("#partnership option[selected]")!.GetAttribute("value"));
        var byPartnership = await PageAsync($"/needs/coverage?partnership={_app.Knowsley}");
        Assert.Equal("Knowsley", Text(Assert.Single(byPartnership.QuerySelectorAll("#needs tbody tr")).QuerySelector("th")));
        var noHighNeed = await PageAsync($"/needs/coverage?partnership={_app.Knowsley}&theme={_app.ThemeB}");
        Assert.Empty(noHighNeed.QuerySelectorAll("#needs tbody tr"));
        Assert.Contains("No high need matches", Text(noHighNeed.QuerySelector("#no-needs")));
        var unknownPartnership = await PageAsync("/needs/coverage?partnership=99999");
        Assert.Equal(2, unknownPartnership.QuerySelectorAll("#needs tbody tr").Length);

        var csv = await CsvAsync("coverage");
        Assert.Equal(["Liverpool", _app.ThemeBName, "1.5", "0", "", "0", "0", "0", "no"], csv[0]);
        Assert.Equal(["Knowsley", _app.ThemeAName, "2.5", "1", KnownRegion.X1, "0", "1", "0", "yes"], csv[1]);
    }

    [Fact]
    public async Task DistanceTravelled_PerThemeAndPartnership()
    {
        var page = await PageAsync("/dashboard/distance");

        Assert.Equal([_app.ThemeAName, "2", "1.5", "3.5", "+2.0"], Cells(Row(page, "by-theme", _app.ThemeAName)));
        Assert.Equal([_app.ThemeBName, "2", "3.5", "3.0", "−0.5"], Cells(Row(page, "by-theme", _app.ThemeBName)));
        Assert.Equal(["Knowsley", "+1.5 1.0 to 2.5", "+0.5 4.0 to 4.5", "+1.0"], Cells(Row(page, "by-partnership", "Knowsley")));
        Assert.Equal(["Liverpool", "+2.5 2.0 to 4.5", "−1.5 3.0 to 1.5", "+0.5"], Cells(Row(page, "by-partnership", "Liverpool")));
        Assert.Contains($"{_app.ThemeBName}: −0.5", Text(page.QuerySelector("#distance-desc")));

        Assert.Equal(["2", "1.5", "3.5", "2.0"], (await CsvAsync("distance-themes")).Single(r => r[0] == _app.ThemeAName)[1..]);
        Assert.Equal(["2.5", "-1.5", "0.5"], (await CsvAsync("distance-partnerships")).Single(r => r[0] == "Liverpool")[1..]);
    }

    [Fact]
    public async Task Report_SetsResultsAgainstTheExpectedResults_AndPrints()
    {
        var page = await PageAsync("/dashboard/report");

        Assert.Equal("2 of 3 (67%)", Cells(Row(page, "report-needs", "Active partnerships that submitted"))[1]);
        Assert.Equal("Not yet: 1 still to respond", Cells(Row(page, "report-needs", "Result"))[1]);
        Assert.Equal("1 (50%), by 1 partnership", Cells(Row(page, "report-collaboration", "Hosted by a partnership"))[1]);
        Assert.Equal("1 of 1 (100%)", Cells(Row(page, "report-collaboration", "Placements with a peer"))[1]);
        Assert.Equal("2", Cells(Row(page, "report-collaboration", "Peer reviews"))[1]);
        Assert.Equal("3 of 3 (100%)", Cells(Row(page, "report-collaboration", "Partnerships that took part"))[1]); // Sefton: by hosting R1
        Assert.Equal("1", Cells(Row(page, "report-collaboration", "Partnerships with a high need and low participation"))[1]);
        Assert.Equal([["Scoping", "1"], ["Self-assessment", "1"], ["On-site", "0"], ["Findings", "0"], ["Report agreed", "0"], ["Action plan", "0"],
                ["Follow-up", "0"], ["Closed", "0"]],
            page.QuerySelectorAll("#report-reviews tbody tr").Select(r => Cells(r)));
        Assert.Equal("1 of 2 (50%)", Cells(Row(page, "report-outcomes", "High needs covered"))[1]);
        Assert.Equal("+2.0", Cells(Row(page, "report-distance", _app.ThemeAName))[4]);
        Assert.Equal("£333.33", Cells(Row(page, "report-money", "Cost per attended place"))[1]);
        Assert.Contains("25 November 2026 at 10am", Text(page.QuerySelector("main")));
        Assert.NotNull(page.QuerySelector(".app-report"));
    }

    [Fact]
    public async Task EveryTable_HasACaption_AndColumnHeadersWithScope_AndEveryChartATitleAndDescription()
    {
        foreach (var url in new[] { "/dashboard", "/dashboard/participation", "/dashboard/value", "/dashboard/distance", "/needs/coverage", "/dashboard/report" })
        {
            var page = await PageAsync(url);
            foreach (var table in page.QuerySelectorAll("main table"))
            {
                Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent), $"{url}: a table without a caption");
                Assert.All(table.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
            }
            foreach (var svg in page.QuerySelectorAll("main svg[role='img']"))
            {
                var id = svg.GetAttribute("aria-labelledby")!.Split(' ');
                Assert.NotNull(page.GetElementById(id[0]));
                Assert.NotEmpty(page.GetElementById(id[1])!.TextContent);
            }
        }
    }

    [Fact]
    public async Task Coordinators_SeeOnlyTheirOwnRegion()
    {
        var westMidlands = _app.CreateClientAs(Demo.Coordinator);
        foreach (var url in new[] { "/dashboard", "/dashboard/participation?sort=name&dir=asc", "/dashboard/value", "/dashboard/distance", "/needs/coverage",
                     "/dashboard/report", "/dashboard/export/participation.csv", "/dashboard/export/value.csv", "/dashboard/export/coverage.csv",
                     "/dashboard/export/upcoming.csv" })
        {
            var body = await (await westMidlands.GetAsync(url)).Content.ReadAsStringAsync();
            foreach (var secret in new[] { "Knowsley", "Liverpool", "Sefton", KnownRegion.X1, KnownRegion.X2, "North West programme" })
            {
                Assert.DoesNotContain(secret, body);
            }
        }
        // The West Midlands sees its own demo review of Birmingham (at self-assessment), not the North West's two.
        var dashboard = await westMidlands.GetDocumentAsync("/dashboard");
        Assert.Equal("1", Text(dashboard.QuerySelector("#figure-reviews-total")));
        Assert.Equal(["Scoping: 0", "Self-assessment: 1"], dashboard.QuerySelectorAll("#figure-reviews li a").Take(2).Select(a => Text(a)));
        var wmReport = await westMidlands.GetDocumentAsync("/dashboard/report");
        Assert.Equal("1", Cells(Row(wmReport, "report-collaboration", "Peer reviews"))[1]);
        var wmReviews = await westMidlands.GetDocumentAsync("/reviews");
        var northWestReviews = new[] { $"/reviews/{_app.SeftonReviewId}", $"/reviews/{_app.KnowsleyReviewId}" };
        Assert.DoesNotContain(wmReviews.QuerySelectorAll("main a"), a => northWestReviews.Contains(a.GetAttribute("href")));

        var northWest = await (await _app.CreateClientAs(KnownRegion.Coordinator).GetAsync("/dashboard/export/participation.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Birmingham", northWest);
        Assert.Equal(4, northWest.Trim().Split('\n').Length); // header and three partnerships
    }

    [Fact]
    public async Task Navigation_HasTheDashboard_ForCoordinatorsOnly()
    {
        var coordinator = await PageAsync("/");
        Assert.NotNull(coordinator.QuerySelector("#navigation a[href='/dashboard']"));
        var staff = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/");
        Assert.Null(staff.QuerySelector("#navigation a[href='/dashboard']"));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
