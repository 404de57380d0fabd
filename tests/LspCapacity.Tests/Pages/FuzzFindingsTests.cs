using System.Net;
using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// What the fuzz tests found (issue 16, 20–25), each now a clear error beside its field with the
/// person's input kept, not a 500.
/// </summary>
public class FuzzFindingsTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public FuzzFindingsTests(AppFactory app) => _app = app;

    [Fact]
    public async Task ActivitiesInAMonthWithNoMonthAfterIt_SaysSelectAMonth_AndKeepsIt()
    {
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync("/activities?month=9999-12");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Select a month from the list", page.ErrorSummary());
        Assert.Equal("9999-12", page.FieldValue("month"));
    }

    [Theory]
    [InlineData("Input.VenueCost", "Enter a venue cost of £0 or more")]
    [InlineData("Input.OtherCost", "Enter other costs of £0 or more")]
    public async Task ActivityCostBeyondAnInt_IsOutOfRange_AndKept(string field, string error)
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/activities/create",
            new Dictionary<string, string> { [field] = "2147483648" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal("2147483648", page.FieldValue(field));
    }

    [Fact]
    public async Task SurveyClosingOnTheLastDayThereIs_IsRefused_AndKept()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var created = await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Needs analysis: far close date",
            ["Input.Round"] = "Baseline",
        });
        var url = created.Headers.Location!.OriginalString;

        var response = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["Open.ClosesOn"] = "9999-12-31" },
            "form[action*='handler=Open']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("The close date must be before 31 December 9999", page.ErrorSummary());
        Assert.Equal("31 12 9999", page.FieldValue("Open.ClosesOn"));
    }

    /// <summary>A new open survey, and the URL of its last section (choices and free text) for Birmingham's staff.</summary>
    private async Task<string> OpenSurveysLastSectionAsync(string title)
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var created = await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Round"] = "Baseline",
        });
        var url = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitFormAsync(url, new Dictionary<string, string>(), "form[action*='handler=Open']")).StatusCode);
        return $"{url}/response?section=9";
    }

    [Fact]
    public async Task SurveyAnswerOver4000Characters_IsRefusedBesideIt_AndKept()
    {
        var url = await OpenSurveysLastSectionAsync("Needs analysis: long answers");
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        var page = await staff.GetDocumentAsync(url);
        var field = page.QuerySelector("main form textarea")!.GetAttribute("name")!;
        var answer = new string('x', 4001);

        var response = await staff.SubmitAsync(page, url, new Dictionary<string, string> { [field] = answer }, "main form[action*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await response.ParseAsync();
        Assert.Contains(shown.ErrorSummary(), e => e.EndsWith("must be 4,000 characters or fewer", StringComparison.Ordinal));
        Assert.Equal(answer, shown.FieldValue(field));
        Assert.False(await _app.WithDbAsync(db => db.SurveyResponses.SelectMany(r => r.Answers).AnyAsync(a => a.Text != null && a.Text.Length > 4000)));
    }

    [Fact]
    public async Task SurveyResponseWithAnEmptyChoice_IsRefused()
    {
        var url = await OpenSurveysLastSectionAsync("Needs analysis: empty choice");
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);

        var response = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Choices"] = "" }, "main form[action*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task ReviewWithAnEmptyPeer_SaysSelectPeersFromTheList()
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/reviews/create",
            new Dictionary<string, string> { ["Input.PeerIds"] = "", ["Input.Scope"] = "Kept scope" }, "main form[method='post']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Select peer reviewers from the list", page.ErrorSummary());
        Assert.Equal("Kept scope", page.FieldValue("Input.Scope"));
    }
}
