using System.Net;
using LspCapacity.Tests.Pages.Dashboard;
using LspCapacity.Tests.Support;
using static LspCapacity.Tests.Pages.Brokerage.FairSharesTests;

namespace LspCapacity.Tests.Pages.Brokerage;

/// <summary>The coordinator changes the programme's rule through the real form (its own data set: the rule changes).</summary>
public class FairShareRuleChangeTests : IClassFixture<KnownBrokerage>
{
    private readonly KnownBrokerage _data;

    public FairShareRuleChangeTests(KnownBrokerage data) => _data = data;

    private static Dictionary<string, string> Rule(string basis, string high = "1", string medium = "0.5", string uplift = "50", string farBelow = "50") => new()
    {
        ["Input.Basis"] = basis, ["Input.HighNeedWeight"] = high, ["Input.MediumNeedWeight"] = medium,
        ["Input.NrfUpliftPercent"] = uplift, ["Input.FarBelowPercent"] = farBelow,
    };

    [Fact]
    public async Task ChangingTheRule_ToEqual_ThenBack_GivesTheHandWorkedShares_AndBadInputIsRefusedWithoutA500()
    {
        var client = _data.App.CreateClientAs(KnownRegion.Coordinator);

        // A negative weight: the error summary, the input kept, nothing saved.
        var refused = await client.SubmitFormAsync("/brokerage/fair-shares", Rule("Weighted", high: "-1"), button: "Save the rule");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal(["The weight of a high-need theme cannot be negative."], page.ErrorSummary());
        Assert.Equal("-1", page.FieldValue("Input.HighNeedWeight"));

        foreach (var bad in new[] { Rule("Weighted", medium: "lots"), Rule("Weighted", farBelow: "0"), Rule("Weighted", uplift: ""), Rule("Sideways") })
        {
            var response = await client.SubmitFormAsync("/brokerage/fair-shares", bad, button: "Save the rule");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty((await response.ParseAsync()).ErrorSummary());
        }
        Assert.Equal("-£20,428.58", Cells(Row(await client.GetDocumentAsync("/brokerage/fair-shares"), "fair-shares", "Knowsley"))[7]);

        // Equal: £16,666.67 each; nobody under half of the £1,636.66 share of support so far.
        var saved = await client.SubmitFormAsync("/brokerage/fair-shares", Rule("Equal"), button: "Save the rule");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var csv = await CsvAsync(client);
        Assert.Equal(["1", "16666.67", "-15666.68", "1636.66", "no"], Pick(csv[0]));
        Assert.Equal(["1", "16666.67", "-15406.67", "1636.66", "no"], Pick(csv[1]));
        Assert.Equal(["1", "16666.67", "-14016.67", "1636.66", "no"], Pick(csv[2]));
        var equal = await client.GetDocumentAsync("/brokerage/fair-shares");
        Assert.Contains("an equal share", Text(equal.QuerySelector("#rule-in-words")));
        Assert.Null(equal.QuerySelector("#far-below-count"));
        Assert.Equal("Equal", (equal.QuerySelector("input[name='Input.Basis']:checked") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);

        // Weighted again, with heavier needs: Knowsley and Liverpool (1 + 3) × 1.5 = 6, Sefton 1 (13): £23,076.92, £3,846.15.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/brokerage/fair-shares", Rule("Weighted", high: "3"), button: "Save the rule")).StatusCode);
        csv = await CsvAsync(client);
        Assert.Equal(["6", "23076.92", "-22076.93", "2266.15", "yes"], Pick(csv[0]));
        Assert.Equal(["1", "3846.15", "-1196.15", "377.69", "no"], Pick(csv[2]));
    }

    /// <summary>Weight, share, gap, share so far, far below.</summary>
    private static string[] Pick(string[] row) => [row[4], row[5], row[13], row[14], row[15]];
}
