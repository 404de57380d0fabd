using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using LspCapacity.Tests.Pages.Dashboard;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages.Brokerage;

/// <summary>Fair shares and brokered value for money on the hand-worked data set of <see cref="KnownBrokerage"/>.</summary>
public partial class FairSharesTests : IClassFixture<KnownBrokerage>
{
    private readonly KnownBrokerage _data;

    public FairSharesTests(KnownBrokerage data) => _data = data;

    private KnownRegion App => _data.App;

    private Task<IHtmlDocument> PageAsync(string url, string who = KnownRegion.Coordinator) => App.CreateClientAs(who).GetDocumentAsync(url);

    internal static string Text(AngleSharp.Dom.IElement? element) => Spaces().Replace(element?.TextContent ?? "", " ").Trim();

    internal static IReadOnlyList<string> Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("th, td").Select(c => Text(c)).ToList();

    internal static AngleSharp.Dom.IElement Row(IHtmlDocument page, string table, string startsWith) =>
        page.QuerySelectorAll($"#{table} tbody tr").Single(r => Text(r.QuerySelector("th")).StartsWith(startsWith, StringComparison.Ordinal));

    internal static async Task<List<string[]>> CsvAsync(HttpClient client)
    {
        var response = await client.GetAsync("/brokerage/fair-shares?handler=Csv");
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
    public async Task Weighted_SharesGapsAndFlags_MatchTheHandWorkedValues_OnThePageAndInTheCsv()
    {
        var page = await PageAsync("/brokerage/fair-shares");

        Assert.Equal(["3", "£21,428.57", "£999.99 3 places", "£0.00 0.0 hours", "£0.00 0 days", "£999.99 5% of share", "-£20,428.58", "£2,104.28", "Far below"],
            Cells(Row(page, "fair-shares", "Knowsley")).Skip(1));
        Assert.Equal(["3", "£21,428.57", "£0.00 0 places", "£60.00 1.5 hours", "£1,200.00 2 days", "£1,260.00 6% of share", "-£20,168.57", "£2,104.28", "Not far below"],
            Cells(Row(page, "fair-shares", "Liverpool")).Skip(1));
        Assert.Equal(["1", "£7,142.86", "£0.00 0 places", "£0.00 0.0 hours", "£2,650.00 5.5 days", "£2,650.00 37% of share", "-£4,492.86", "£701.43", "Not far below"],
            Cells(Row(page, "fair-shares", "Sefton")).Skip(1));
        Assert.Equal("1", Text(page.QuerySelector("#far-below-count")));
        Assert.Contains("Knowsley: 5%", Text(page.QuerySelector("#fair-shares-desc")));

        var csv = await CsvAsync(App.CreateClientAs(KnownRegion.Coordinator));
        Assert.Equal(["Knowsley", "Liverpool", "Sefton"], csv.Select(r => r[0]));
        Assert.Equal(["Knowsley", "yes", "1", "0", "3", "21428.57", "3", "999.99", "0.0", "0.00", "0", "0.00", "999.99", "-20428.58", "2104.28", "yes"], csv[0]);
        Assert.Equal(["Liverpool", "yes", "1", "0", "3", "21428.57", "0", "0.00", "1.5", "60.00", "2", "1200.00", "1260.00", "-20168.57", "2104.28", "no"], csv[1]);
        Assert.Equal(["Sefton", "no", "0", "0", "1", "7142.86", "0", "0.00", "0.0", "0.00", "5.5", "2650.00", "2650.00", "-4492.86", "701.43", "no"], csv[2]);
    }

    [Fact]
    public async Task PositionsAsync_GivesTheShortlistTheSamePositions()
    {
        var positions = await App.RunAsync<LspCapacity.Web.Pages.Brokerage.FairShareQueries, IReadOnlyList<LspCapacity.Web.Pages.Brokerage.FairSharePosition>>(
            q => q.PositionsAsync(_data.ProgrammeId));

        var knowsley = positions.Single(p => p.PartnershipId == App.Knowsley);
        Assert.Equal((21428.57m, 999.99m, -20428.58m, true), (knowsley.Share, knowsley.Received, knowsley.Gap, knowsley.FarBelow));
        Assert.Equal(3, positions.Count);
    }

    [Fact]
    public async Task ValueForMoney_BrokeredWork_CommittedSpentRemaining_CostPerDay_Ratings()
    {
        var page = await PageAsync("/dashboard/value");

        // Activities £500 committed and £1,000 spent, brokered £1,200 committed and £2,650 spent.
        Assert.Equal(["Committed", "£1,700.00"], Cells(Row(page, "programme", "Committed")));
        Assert.Equal(["Spent", "£3,650.00"], Cells(Row(page, "programme", "Spent")));
        Assert.Equal(["Brokered work committed (included above)", "£1,200.00"], Cells(Row(page, "programme", "Brokered work committed")));
        Assert.Equal(["Brokered work spent (included above)", "£2,650.00"], Cells(Row(page, "programme", "Brokered work spent")));
        Assert.Equal(["Remaining", "£44,650.00"], Cells(Row(page, "programme", "Remaining")));
        Assert.Equal(["Cost per attended place", "£333.33"], Cells(Row(page, "programme", "Cost per attended place"))); // activities only

        Assert.Equal([KnownBrokerage.FireService, "1", "2", "£900.00", "£450.00", "2.0 (1 rating)"], Cells(Row(page, "brokered-providers", KnownBrokerage.FireService)));
        Assert.Equal([KnownBrokerage.Consultancy, "2", "5.5", "£2,950.00", "£536.36", "4.0 (1 rating)"], Cells(Row(page, "brokered-providers", KnownBrokerage.Consultancy)));
        Assert.Equal(["Consultancy", "2", "5.5", "£2,950.00", "£536.36"], Cells(Row(page, "brokered-kinds", "Consultancy")));
        Assert.Equal(["Secondee", "1", "2", "£900.00", "£450.00"], Cells(Row(page, "brokered-kinds", "Secondee")));
        Assert.Contains("Activities are not linked to a provider", page.Body!.TextContent);

        var report = await PageAsync("/dashboard/report");
        Assert.Equal("£44,650.00", Cells(Row(report, "report-money", "Remaining"))[1]);
        Assert.Equal("£536.36", Cells(Row(report, "brokered-providers", KnownBrokerage.Consultancy))[4]);
    }

    [Fact]
    public async Task Dashboard_FlagsThePartnershipFarBelowItsShare_AndLinksTheFairSharesPage()
    {
        var page = await PageAsync("/dashboard");

        var panel = page.QuerySelector("#fair-shares-panel")!;
        Assert.Equal("1", Text(panel.QuerySelector("#figure-far-below")));
        Assert.Contains("Knowsley: £999.99 received, against £2,104.28", Text(panel));
        Assert.NotNull(panel.QuerySelector("a[href='/brokerage/fair-shares']"));
    }

    [Fact]
    public async Task Broker_SeesTheirRegion_ButCannotChangeTheRule()
    {
        var client = App.CreateClientAs(KnownBrokerage.Broker);
        var page = await client.GetDocumentAsync("/brokerage/fair-shares");
        Assert.Equal(3, page.QuerySelectorAll("#fair-shares tbody tr").Length);
        Assert.Null(page.QuerySelector("form[action*='handler=Rule']"));
        Assert.Equal(3, (await CsvAsync(client)).Count);

        var forged = await client.PostWithTokenAsync("/account/profile", "/brokerage/fair-shares?handler=Rule", new Dictionary<string, string>
        {
            ["Input.Basis"] = "Equal", ["Input.HighNeedWeight"] = "1", ["Input.MediumNeedWeight"] = "0.5", ["Input.NrfUpliftPercent"] = "50", ["Input.FarBelowPercent"] = "50",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task EachRegionsCoordinator_SeesOnlyTheirOwnRegion()
    {
        var northWest = await PageAsync("/brokerage/fair-shares");
        var westMidlands = await PageAsync("/brokerage/fair-shares", Demo.Coordinator);

        var nwNames = northWest.QuerySelectorAll("#fair-shares tbody tr th").Select(th => Text(th).Split(' ')[0]).ToList();
        Assert.Equal(["Knowsley", "Liverpool", "Sefton"], nwNames);
        var wmNames = westMidlands.QuerySelectorAll("#fair-shares tbody tr th").Select(Text).ToList();
        Assert.Contains(wmNames, n => n.StartsWith("Birmingham", StringComparison.Ordinal));
        Assert.DoesNotContain(wmNames, n => n.StartsWith("Knowsley", StringComparison.Ordinal) || n.StartsWith("Sefton", StringComparison.Ordinal));
        Assert.DoesNotContain(await CsvAsync(App.CreateClientAs(Demo.Coordinator)), r => r[0] == "Sefton");
    }

    [Theory]
    [InlineData(Demo.StaffBirmingham)]
    [InlineData(Demo.Mentor)]
    [InlineData(TestData.OtherStaff)]
    public async Task StaffAndMentors_AreRefused_PageAndCsv(string who)
    {
        var client = App.CreateClientAs(who);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/brokerage/fair-shares")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/brokerage/fair-shares?handler=Csv")).StatusCode);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
