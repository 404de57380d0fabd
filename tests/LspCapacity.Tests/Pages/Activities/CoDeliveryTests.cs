using System.Net;
using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Activities;

/// <summary>Co-delivery: coordinators name partnerships and presenters; the activity, the partnership page and the figures show them.</summary>
public class CoDeliveryTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public CoDeliveryTests(AppFactory app) => _app = app;

    private Task<HttpResponseMessage> AddAsync(int activityId, Dictionary<string, string> values, string who = Demo.Coordinator) =>
        _app.CreateClientAs(who).SubmitFormAsync($"/activities/{activityId}/contributors", values, "form[action*='handler=Add']");

    private static Dictionary<string, string> CoDeliverer(int partnershipId, string contribution = "Runs the afternoon workshop") => new()
    {
        ["Input.PartnershipId"] = partnershipId.ToString(),
        ["Input.Role"] = "CoDeliverer",
        ["Input.Contribution"] = contribution,
    };

    [Fact]
    public async Task Coordinator_NamesACoDelivererAndAPresenter_ShownOnTheActivity_ThePartnershipPage_AndTheFigures()
    {
        var activity = await _app.PublishedActivityAsync(title: "Commissioning together");
        var stoke = await _app.PartnershipIdAsync("Stoke-on-Trent"); // named on no demo activity
        var dudley = await _app.PartnershipIdAsync("Dudley");

        var added = await AddAsync(activity, CoDeliverer(stoke));
        var presenter = await AddAsync(activity, new Dictionary<string, string>
        {
            ["Input.PartnershipId"] = dudley.ToString(),
            ["Input.Role"] = "Presenter",
            ["Input.PresenterName"] = "Pat Presenter",
            ["Input.Contribution"] = "Presents Dudley's pooled budget",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, presenter.StatusCode);
        var page = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync($"/activities/{activity}");
        var shown = page.QuerySelector("#contributors")!.TextContent;
        Assert.Contains("Stoke-on-Trent", shown);
        Assert.Contains("Co-deliverer", shown);
        Assert.Contains("Runs the afternoon workshop", shown);
        Assert.Contains("Pat Presenter", shown);
        Assert.Contains("Dudley", shown);

        var partnership = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync($"/partnerships/{stoke}");
        Assert.Contains("Commissioning together", partnership.QuerySelector("#contributions")!.TextContent);

        var figures = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/dashboard/participation?sort=name&dir=desc");
        var row = figures.QuerySelector($"tr[data-partnership='{stoke}'] [data-column='co-delivered']");
        Assert.Equal("1", row!.TextContent.Trim());
        var dashboard = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/dashboard");
        Assert.NotEqual("0%", dashboard.QuerySelector("#figure-co-delivered")!.TextContent.Trim());
    }

    [Fact]
    public async Task Coordinator_RemovesAContributor()
    {
        var activity = await _app.PublishedActivityAsync(title: "Removing a co-deliverer");
        var walsall = await _app.PartnershipIdAsync("Walsall");
        await AddAsync(activity, CoDeliverer(walsall));

        var removed = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{activity}/contributors",
            new Dictionary<string, string>(), "form[action*='handler=Remove']");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ActivityContributors.CountAsync(c => c.ActivityId == activity)));
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        // field, value, second field, second value (each replaces the good form's)
        { "Input.PartnershipId", "999999", "", "" },
        { "Input.PartnershipId", "", "", "" },
        { "Input.Contribution", new string('x', 301), "", "" },
        { "Input.Contribution", "", "", "" },
        { "Input.Role", "Bystander", "", "" },
        { "Input.Role", "Host", "", "" },
        { "Input.Role", "Presenter", "", "" },
        { "Input.Role", "Presenter", "Input.PresenterName", new string('n', 101) },
        { "Input.PersonId", "nobody", "", "" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_ShowsTheErrorSummary_KeepsTheInput_NeverA500(string field, string value, string field2, string value2)
    {
        var activity = await _app.PublishedActivityAsync(title: "Bad input " + Guid.NewGuid().ToString("N")[..6]);
        var form = CoDeliverer(await _app.PartnershipIdAsync("Solihull"));
        form[field] = value;
        if (field2.Length > 0)
        {
            form[field2] = value2;
        }

        var response = await AddAsync(activity, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotEmpty(page.ErrorSummary());
        Assert.Equal(0, await _app.WithDbAsync(db => db.ActivityContributors.CountAsync(c => c.ActivityId == activity)));
    }

    [Fact]
    public async Task TheSamePartnershipTwice_IsRefused_WithAClearMessage()
    {
        var activity = await _app.PublishedActivityAsync(title: "Named twice");
        var coventry = await _app.PartnershipIdAsync("Coventry");
        await AddAsync(activity, CoDeliverer(coventry));

        var again = await AddAsync(activity, CoDeliverer(coventry, "Again"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already named", string.Join(" ", (await again.ParseAsync()).ErrorSummary()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.ActivityContributors.CountAsync(c => c.ActivityId == activity)));
    }

    [Fact]
    public async Task APartnershipOfAnotherRegion_IsRefused_OnARegionalActivity()
    {
        var (_, knowsley) = await _app.AddOtherRegionAsync();
        var activity = await _app.PublishedActivityAsync(title: "Regional only");

        var response = await AddAsync(activity, CoDeliverer(knowsley));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("region", string.Join(" ", (await response.ParseAsync()).ErrorSummary()));
    }

    [Fact]
    public async Task OnlyTheRegionsCoordinators_ManageContributors()
    {
        await _app.AddOtherRegionAsync();
        var activity = await _app.PublishedActivityAsync(title: "Who may name contributors");

        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/activities/{activity}/contributors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(TestData.OtherCoordinator).GetAsync($"/activities/{activity}/contributors")).StatusCode);
        var forged = await _app.CreateClientAs(TestData.OtherCoordinator).PostWithTokenAsync("/activities", $"/activities/{activity}/contributors?handler=Add",
            CoDeliverer(await _app.PartnershipIdAsync("Sandwell")));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ActivityContributors.CountAsync(c => c.ActivityId == activity)));
    }

    [Fact]
    public async Task QueryCounts_DoNotGrow_WithContributors()
    {
        var activity = await _app.PublishedActivityAsync(title: "Counting queries");
        var names = new[] { "Birmingham", "Coventry", "Dudley", "Sandwell", "Walsall", "Wolverhampton" };
        var ids = new List<int>();
        foreach (var name in names)
        {
            ids.Add(await _app.PartnershipIdAsync(name));
        }
        await AddAsync(activity, CoDeliverer(ids[0]));
        var activityOne = await CountAsync($"/activities/{activity}");
        var contributorsOne = await CountAsync($"/activities/{activity}/contributors");
        var partnershipOne = await CountAsync($"/partnerships/{ids[0]}");

        foreach (var id in ids.Skip(1))
        {
            await AddAsync(activity, CoDeliverer(id));
        }
        var other = await _app.PublishedActivityAsync(title: "Counting queries, again");
        await AddAsync(other, CoDeliverer(ids[0]));

        Assert.Equal(activityOne, await CountAsync($"/activities/{activity}"));
        Assert.Equal(contributorsOne, await CountAsync($"/activities/{activity}/contributors"));
        Assert.Equal(partnershipOne, await CountAsync($"/partnerships/{ids[0]}"));
    }

    private async Task<int> CountAsync(string url)
    {
        var client = _app.CreateClientAs(Demo.Coordinator);
        await client.GetAsync(url); // warm
        _app.Queries.Reset();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _app.Queries.Count;
    }
}
