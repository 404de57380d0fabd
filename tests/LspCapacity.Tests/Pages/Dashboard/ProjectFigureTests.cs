using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>The project figures on a known data set (see <see cref="KnownProjects"/>) equal their hand-worked values, on the pages and in the CSV.</summary>
public partial class ProjectFigureTests(KnownProjects known) : IClassFixture<KnownProjects>
{
    private KnownRegion App => known.Region;

    private Task<IHtmlDocument> PageAsync(string url) => App.CreateClientAs(KnownRegion.Coordinator).GetDocumentAsync(url);

    private static string Text(AngleSharp.Dom.IElement? element) => Spaces().Replace(element?.TextContent ?? "", " ").Trim();

    private static IReadOnlyList<string> Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("th, td").Select(c => Text(c)).ToList();

    private static AngleSharp.Dom.IElement Row(IHtmlDocument page, string table, string startsWith) =>
        page.QuerySelectorAll($"#{table} tbody tr").Single(r => Text(r.QuerySelector("th")).StartsWith(startsWith, StringComparison.Ordinal));

    private async Task<List<string[]>> CsvAsync(string table)
    {
        var response = await App.CreateClientAs(KnownRegion.Coordinator).GetAsync($"/dashboard/export/{table}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = CsvHelper.CsvReader.FromText((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }

    [Fact]
    public async Task ProjectsPage_ShowsTheHandWorkedFigures()
    {
        var page = await PageAsync("/dashboard/projects");
        Assert.Equal("5", Text(page.QuerySelector("#projects-total")));
        Assert.Equal(["Proposed: 1", "Active: 2", "Closed: 1", "Declined: 1"],
            page.QuerySelectorAll("#projects-by-status li").Select(li => Text(li)).ToList());
        Assert.Equal("75%", Text(page.QuerySelector("#linked-share")));
        Assert.Equal("2 of 3", Text(page.QuerySelector("#linked-places")));
        Assert.Equal("1 of 1", Text(page.QuerySelector("#linked-placements")));
        Assert.Equal("50%", Text(page.QuerySelector("#targets-met")));
        Assert.Equal("1 of 2", Text(page.QuerySelector("#targets-met-count")));
        Assert.Equal("90%", Text(page.QuerySelector("#mean-progress")));
        Assert.Equal("1", Text(page.QuerySelector("#projects-quiet")));

        Assert.Equal([App.ThemeAName, "1", "1", "0", "1"], Cells(Row(page, "by-theme", App.ThemeAName)));
        Assert.Equal([App.ThemeBName, "0", "1", "1", "0"], Cells(Row(page, "by-theme", App.ThemeBName)));
        Assert.Equal(["Knowsley", "0", "1", "1", "0"], Cells(Row(page, "by-partnership", "Knowsley")));
        Assert.Equal(["Liverpool", "0", "1", "0", "1"], Cells(Row(page, "by-partnership", "Liverpool")));
        Assert.Equal(["Sefton", "1", "0", "0", "0"], Cells(Row(page, "by-partnership", "Sefton")));
        Assert.Equal(["Places attended", "2 of 3", "67%"], Cells(Row(page, "linked", "Places attended")));
        Assert.Equal(["Placements", "1 of 1", "100%"], Cells(Row(page, "linked", "Placements")));

        var results = page.QuerySelectorAll("#results tbody tr").Select(Cells).ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal(["Young people on the forum (young people)", "10", "20", "22", "Met"], results[0].Skip(1));
        Assert.Equal(["Days to answer a complaint (days)", "40", "25", "31", "Not met"], results[1].Skip(1));
        Assert.Equal(["Knowsley performance board", "Knowsley", "2 (2)", "0", "0", "16 October 2026"], Cells(Row(page, "active-projects", "Knowsley performance board")));
        Assert.Equal(["Liverpool commissioning", "Liverpool", "0 (0)", "1", "0", "None yet"], Cells(Row(page, "active-projects", "Liverpool commissioning")));
        var quiet = Assert.Single(page.QuerySelectorAll("#quiet tbody tr"));
        Assert.Equal("Knowsley performance board", Text(quiet.QuerySelector("th")));
        Assert.Equal($"/projects/{known.P1}", quiet.QuerySelector("a")!.GetAttribute("href"));

        // The chart and its table agree.
        var bars = page.QuerySelectorAll("svg[aria-labelledby^='support-linked-title'] .app-chart__value").Select(t => Text(t)).ToList();
        Assert.Equal(["67% (2 of 3)", "100% (1 of 1)"], bars);
    }

    [Fact]
    public async Task Dashboard_ShowsTheProjectFigures_LinkingToTheProjectsPage()
    {
        var page = await PageAsync("/dashboard");
        Assert.Equal("2", Text(page.QuerySelector("#figure-projects-active")));
        Assert.Equal("1", Text(page.QuerySelector("#figure-projects-quiet")));
        Assert.Equal("75%", Text(page.QuerySelector("#figure-projects-linked")));
        Assert.Equal("50%", Text(page.QuerySelector("#figure-projects-targets")));
        Assert.Equal("/dashboard/projects", page.QuerySelector("#figure-projects-active")!.Closest("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Coverage_CountsANeedAddressedByAnAcceptedProject()
    {
        var page = await PageAsync("/needs/coverage");
        Assert.Equal("100%", Text(page.QuerySelector("#coverage-rate")));
        Assert.Equal("2 of 2", Text(page.QuerySelector("#coverage-count")));
        var liverpool = page.QuerySelector($"tr[data-need='{App.Liverpool}-{App.ThemeB}']")!;
        Assert.Contains("Liverpool commissioning", Text(liverpool));
        Assert.Equal("Covered", Text(liverpool.QuerySelectorAll("td").Last()));
        var csv = await CsvAsync("coverage");
        Assert.All(csv, row => Assert.Equal("yes", row[^1]));
        Assert.Equal("1", csv.Single(r => r[0] == "Liverpool")[^2]); // improvement projects
    }

    [Fact]
    public async Task Report_HasAPracticalResultsSection()
    {
        var page = await PageAsync("/dashboard/report");
        Assert.Equal("3 (1 closed with results)", Cells(Row(page, "report-projects", "Projects accepted"))[1]);
        Assert.Equal("2 of 3 (67%)", Cells(Row(page, "report-projects", "Places attended"))[1]);
        Assert.Equal("1 of 1 (100%)", Cells(Row(page, "report-projects", "Placements serving"))[1]);
        Assert.Equal("1 of 2 (50%)", Cells(Row(page, "report-projects", "Measures of success"))[1]);
        Assert.Equal("90%", Cells(Row(page, "report-projects", "Mean progress"))[1]);
        Assert.Contains("Young people now sit on the partnership's board.", Text(page.QuerySelector($"[data-project='{known.P3}']")));
    }

    [Fact]
    public async Task Csv_ExportsProjectsUpdatesAndMeasures()
    {
        var projects = await CsvAsync("projects");
        Assert.Equal(5, projects.Count);
        var p1 = projects.Single(r => r[0] == "Knowsley performance board");
        Assert.Equal(["Knowsley", "Active"], p1[1..3]);
        Assert.Equal(["2", "0", "0", "0"], p1[^4..]); // places attended for it, placements, reviews, case studies
        var updates = await CsvAsync("project-updates");
        var update = Assert.Single(updates);
        Assert.Equal(["Knowsley performance board", "Knowsley"], update[..2]);
        Assert.Equal("Green", update[3]);
        var measures = await CsvAsync("project-measures");
        var m2 = measures.Single(r => r[3] == "Days to answer a complaint");
        Assert.Equal(["40", "25", "31", "no", "60"], [m2[5], m2[7], m2[11], m2[12], m2[13]]);
    }

    [Fact]
    public async Task Library_ResultsFilter_ShowsOnlyClosedProjectsWithConsent_ToAnyone()
    {
        var anonymous = App.CreateAnonymousClient();
        var list = await anonymous.GetDocumentAsync("/library?results=true");
        var items = list.QuerySelectorAll("#results h2 a").Select(a => (Text(a), a.GetAttribute("href"))).ToList();
        // The library is public and national: the West Midlands demo's closed project is there too; no open project is.
        Assert.Contains(("Knowsley youth forum", $"/library/results/{known.P3}"), items);
        Assert.DoesNotContain(items, i => i.Item2 == $"/library/results/{known.P1}" || i.Item2 == $"/library/results/{known.P2}");
        var result = await anonymous.GetDocumentAsync($"/library/results/{known.P3}");
        Assert.Equal("Young people now sit on the partnership's board.", Text(result.QuerySelector("#what-changed")));
        Assert.DoesNotContain("Mentoring from a neighbouring LSP", result.Body!.TextContent); // the summary only
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/library/results/{known.P1}")).StatusCode);
    }

    [Fact]
    public async Task PartnershipPage_ListsItsProjectsWithStatus()
    {
        var page = await PageAsync($"/partnerships/{App.Knowsley}");
        var rows = page.QuerySelectorAll("#partnership-projects tbody tr").Select(r => Cells(r).Take(2).ToList()).ToList();
        Assert.Equal([["Knowsley performance board", "Active"], ["Knowsley youth forum", "Closed"]], rows);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
