using System.Text.RegularExpressions;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Pages.Needs;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>Needs coverage names the latest activities behind a need and counts the rest; the CSV keeps every title.</summary>
public sealed partial class CoverageListTests : IAsyncLifetime
{
    private readonly KnownRegion _app = new(); // its own instance: the extra activities change the hand-worked figures

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        await _app.AddAttendedActivitiesAsync(4); // Knowsley×A: X1 (10 days ago) and Extra 1..4 (19, 26, 33, 40 days ago)
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Fact]
    public async Task ThePartnershipFilter_ListsTheRegionsActivePartnerships_AndOneClosedLeavesItAtOnce()
    {
        var client = _app.CreateClientAs(KnownRegion.Coordinator);
        async Task<List<string>> ChoicesAsync() => (await client.GetDocumentAsync("/needs/coverage"))
            .QuerySelectorAll("#partnership option").Select(o => o.GetAttribute("value") ?? "").Where(v => v != "").ToList();

        var before = await ChoicesAsync();
        Assert.Contains(_app.Knowsley.ToString(System.Globalization.CultureInfo.InvariantCulture), before);
        await _app.WithDbAsync(async db =>
        {
            (await db.Partnerships.FindAsync(_app.Knowsley))!.Deactivate();
            await db.SaveChangesAsync();
        });
        var after = await ChoicesAsync();
        Assert.Equal(before.Where(v => v != _app.Knowsley.ToString(System.Globalization.CultureInfo.InvariantCulture)), after);
    }

    [Fact]
    public async Task ANeedAddressedByManyActivities_ShowsTheLatestThree_AndHowManyMore()
    {
        var client = _app.CreateClientAs(KnownRegion.Coordinator);
        var page = await client.GetDocumentAsync("/needs/coverage");

        var cell = page.QuerySelector($"#needs tr[data-need='{_app.Knowsley}-{_app.ThemeA}'] td:nth-of-type(3)")!;
        Assert.Equal($"5: {KnownRegion.X1}, Extra 1, Extra 2 and 2 more", Spaces().Replace(cell.TextContent, " ").Trim());
        Assert.Equal(CoverageModel.ActivitiesShown, cell.QuerySelectorAll("a").Length);

        var csv = await (await client.GetAsync("/dashboard/export/coverage.csv")).Content.ReadAsStringAsync();
        foreach (var title in new[] { KnownRegion.X1, "Extra 1", "Extra 2", "Extra 3", "Extra 4" })
        {
            Assert.Contains(title, csv);
        }
    }

    [Fact]
    public async Task AttendanceRecordedAfterThePageWasSeen_ShowsAtOnce_AndAnUnchangedPageIsNotWorkedOutAgain()
    {
        var client = _app.CreateClientAs(KnownRegion.Coordinator);
        string Cell(AngleSharp.Html.Dom.IHtmlDocument page) =>
            Spaces().Replace(page.QuerySelector($"#needs tr[data-need='{_app.Knowsley}-{_app.ThemeA}'] td:nth-of-type(3)")!.TextContent, " ").Trim();

        _app.Queries.Reset();
        Assert.StartsWith("5: ", Cell(await client.GetDocumentAsync("/needs/coverage")));
        var first = _app.Queries.Count;
        _app.Queries.Reset();
        Assert.StartsWith("5: ", Cell(await client.GetDocumentAsync("/needs/coverage?page=1")));
        // The figures were kept: the second look reads only who is asking and the version.
        Assert.True(_app.Queries.Count <= first - 8, $"second look ran {_app.Queries.Count} commands, the first {first}");

        await _app.AddAttendedActivitiesAsync(1); // one more (a sixth) activity Knowsley attended in theme A
        Assert.StartsWith("6: ", Cell(await client.GetDocumentAsync("/needs/coverage")));
    }
}
