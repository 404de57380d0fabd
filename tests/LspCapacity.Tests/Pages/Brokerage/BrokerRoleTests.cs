using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Brokerage;

/// <summary>
/// The broker: an independent broker of one region. Reads the region's needs (aggregates and coverage), projects,
/// brokerage requests; keeps their declared interests; changes no need, project or programme record.
/// </summary>
public class BrokerRoleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly AppFactory _app = app;

    private async Task<HttpStatusCode> StatusAsync(string email, string url) => (await _app.CreateClientAs(email).GetAsync(url)).StatusCode;

    [Fact]
    public void Broker_IsARole_CoordinatorsMayInvite()
    {
        Assert.Contains(Roles.Broker, Roles.All);
        Assert.Contains(Roles.Broker, Roles.AssignableBy(Roles.Coordinator));
        Assert.DoesNotContain(Roles.Broker, Roles.AssignableBy(Roles.LspStaff));
        Assert.Equal("Broker", Roles.DisplayName(Roles.Broker));
    }

    [Fact]
    public async Task Broker_ReadsTheRegionsNeeds_AsAggregatesOnly()
    {
        var survey = (await AccessSamples.CreateAsync(_app))["surveys"]; // an open survey Birmingham has answered
        var birmingham = await _app.PartnershipIdAsync("Birmingham");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(BrokerageData.Broker, "/needs/coverage"));
        var results = await _app.CreateClientAs(BrokerageData.Broker).GetDocumentAsync($"/needs/surveys/{survey}/results");
        Assert.Null(results.QuerySelector($"a[href*='partnership={birmingham}']")); // no partnership's own answers
        var coordinatorResults = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/needs/surveys/{survey}/results");
        Assert.NotNull(coordinatorResults.QuerySelector($"a[href*='partnership={birmingham}']")); // (as the coordinator sees them)
        // One partnership's response and the export of every answer are refused.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.Broker, $"/needs/surveys/{survey}/response?partnership={birmingham}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.Broker, $"/needs/surveys/{survey}/answers.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.Broker, "/dashboard"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.Broker, "/people"));
    }

    [Fact]
    public async Task Broker_ReadsTheRegionsProjects_ButChangesNone()
    {
        var project = await _app.WithDbAsync(db => db.Projects.Where(p => p.Title == "One youth offer for Aston and Newtown").Select(p => p.Id).SingleAsync());
        var list = await _app.CreateClientAs(BrokerageData.Broker).GetDocumentAsync("/projects");
        Assert.Contains("One youth offer for Aston and Newtown", list.Body!.TextContent);
        Assert.Contains("Neighbourhood management in Foleshill", list.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(BrokerageData.Broker, $"/projects/{project}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.Broker, $"/projects/{project}/edit"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.Broker, $"/projects/{project}/decide"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.Broker, $"/projects/{project}/update"));
    }

    [Fact]
    public async Task Recommending_IsTheBrokers_NotTheCoordinators_NorAnotherRegionsBroker()
    {
        var id = await _app.RecommendedRequestAsync(Demo.StaffBirmingham);
        await _app.WithDbAsync(async db =>
        {
            var request = await db.BrokerageRequests.SingleAsync(r => r.Id == id);
            request.AskAgain("someone", "Again", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(BrokerageData.Broker, $"/brokerage/{id}/recommend"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(Demo.Coordinator, $"/brokerage/{id}/recommend"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(Demo.StaffBirmingham, $"/brokerage/{id}/recommend"));
        var details = await StatusAsync(Demo.Coordinator, $"/brokerage/{id}");
        Assert.True(details == HttpStatusCode.OK, string.Join("\n", _app.Logs.Failures.Select(f => f.Message)));

        await _app.AddNorthWestRegisterAsync(1000);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.OtherBroker, $"/brokerage/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(BrokerageData.OtherBroker, $"/brokerage/{id}/recommend"));
        var theirs = await _app.CreateClientAs(BrokerageData.OtherBroker).GetDocumentAsync("/brokerage");
        Assert.Empty(theirs.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Interests_AreTheBrokersOwn()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(Demo.StaffBirmingham, "/brokerage/interests"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(Demo.Coordinator, "/brokerage/interests"));
        var broker = _app.CreateClientAs(BrokerageData.Broker);
        var page = await broker.GetDocumentAsync("/brokerage/interests");
        Assert.Contains("Westfield Consulting", page.QuerySelector("table")!.TextContent); // the demo broker's declared interest

        var fire = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "West Midlands Fire Service").Select(o => o.Id).SingleAsync());
        var declared = await broker.SubmitFormAsync("/brokerage/interests", new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = fire.ToString(), ["Input.Note"] = "My partner works there",
        }, "main form:not([action*='handler'])");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        var twice = await broker.SubmitFormAsync("/brokerage/interests", new Dictionary<string, string> { ["Input.OrganisationId"] = fire.ToString() },
            "main form:not([action*='handler'])");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("You have already declared an interest in that organisation.", (await twice.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Navigation_HasBrokerage_ForBrokersStaffAndCoordinators_NotMentors()
    {
        var broker = await _app.CreateClientAs(BrokerageData.Broker).GetDocumentAsync("/brokerage");
        Assert.NotNull(broker.QuerySelector("#navigation a[href='/brokerage']"));
        Assert.Equal(["/brokerage", "/brokerage/interests", "/needs/coverage"], broker.QuerySelectorAll("#sub-navigation a").Select(a => a.GetAttribute("href")));
        Assert.Null(broker.QuerySelector("#navigation a[href='/dashboard']"));
        Assert.NotNull((await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/projects")).QuerySelector("#sub-navigation a[href='/brokerage']"));
        Assert.Null((await _app.CreateClientAs(Demo.Mentor).GetDocumentAsync("/")).QuerySelector("#navigation a[href='/brokerage']"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(Demo.Mentor, "/brokerage"));
    }
}
