using System.Net;
using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Brokerage;

public class BrokerageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly AppFactory _app = app;

    private string Today(int days = 0) => UkTime.Today(_app.Clock).AddDays(days).ToString("yyyy-MM-dd");

    private async Task<string> ProjectOptionAsync(HttpClient client)
    {
        var form = await client.GetDocumentAsync("/brokerage/new");
        return form.QuerySelectorAll("select[name='Input.ProjectId'] option").OfType<IHtmlOptionElement>().First(o => o.Value.Length > 0).Value;
    }

    [Fact]
    public async Task Ask_ThroughTheForm_SavesTheRequest_AndTellsTheRegionsBrokers()
    {
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        var response = await staff.SubmitFormAsync("/brokerage/new", new Dictionary<string, string>
        {
            ["Input.ProjectId"] = await ProjectOptionAsync(staff),
            ["Input.What"] = "A youth participation expert for two days",
            ["Input.WantedBy"] = Today(40),
            ["Input.BudgetCeiling"] = "1500",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var request = await _app.WithDbAsync(db => db.BrokerageRequests.SingleAsync(r => r.Id == id));
        Assert.Equal(BrokerageRequestStatus.Received, request.Status);
        Assert.Equal(1500, request.BudgetCeiling);
        var brokerId = await _app.UserIdAsync(BrokerageData.Broker);
        Assert.Contains(await _app.OutboxAsync(), m => m.DeduplicationKey == $"brokerage:{id}:received:{brokerId}" && m.ToAddress == BrokerageData.Broker);

        // The broker sees it with the shortlist; Birmingham's staff see it without.
        var brokerPage = await _app.CreateClientAs(BrokerageData.Broker).GetDocumentAsync($"/brokerage/{id}");
        Assert.NotNull(brokerPage.QuerySelector("#shortlist"));
        Assert.Null((await staff.GetDocumentAsync($"/brokerage/{id}")).QuerySelector("#shortlist"));
    }

    [Theory]
    [InlineData("", "1000", "Select the need or the improvement project the support is for")]
    [InlineData("project", "-5", "The budget ceiling must be between £0 and £10,000,000")]
    [InlineData("project", "lots", "'lots' is not a valid value for budget ceiling")]
    public async Task Ask_BadInput_ShowsClearErrors_NeverA500(string project, string ceiling, string error)
    {
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        var response = await staff.SubmitFormAsync("/brokerage/new", new Dictionary<string, string>
        {
            ["Input.ProjectId"] = project == "" ? "" : await ProjectOptionAsync(staff),
            ["Input.NeedThemeId"] = "",
            ["Input.What"] = "Something",
            ["Input.WantedBy"] = Today(10),
            ["Input.BudgetCeiling"] = ceiling,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal("Something", page.QuerySelector("textarea[name='Input.What']")!.TextContent);
    }

    [Fact]
    public async Task Broker_WithADeclaredInterest_CannotRecommendThatOrganisation()
    {
        // The demo broker declared an interest in Westfield Consulting.
        var id = await _app.RecommendedRequestAsync(Demo.StaffCoventry);
        await _app.WithDbAsync(async db =>
        {
            var request = await db.BrokerageRequests.SingleAsync(r => r.Id == id);
            request.AskAgain(await db.Users.Where(u => u.Email == Demo.StaffCoventry).Select(u => u.Id).SingleAsync(), "Another, please", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var westfield = await _app.WithDbAsync(db => db.Offers.Where(o => o.Title == "Performance management diagnostic").Select(o => o.Id).SingleAsync());
        var broker = _app.CreateClientAs(BrokerageData.Broker);
        var response = await broker.SubmitFormAsync($"/brokerage/{id}/recommend", new Dictionary<string, string>
        {
            ["Input.OfferId"] = westfield.ToString(),
            ["Input.Days"] = "2",
            ["Input.Reasoning"] = "They are the best",
            ["Input.ValidUntil"] = Today(10),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith("You declared an interest in Westfield Consulting: you cannot place work with it.", StringComparison.Ordinal));
        Assert.Equal(BrokerageRequestStatus.AskedAgain, await _app.WithDbAsync(db => db.BrokerageRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        // Zero days: a clear error too.
        var university = await _app.WithDbAsync(db => db.Offers.Where(o => o.Title == "Commissioning and pooled budgets masterclass").Select(o => o.Id).SingleAsync());
        var zero = await broker.SubmitFormAsync($"/brokerage/{id}/recommend", new Dictionary<string, string>
        {
            ["Input.OfferId"] = university.ToString(), ["Input.Days"] = "0", ["Input.Reasoning"] = "Fit", ["Input.ValidUntil"] = Today(10),
        });
        Assert.Equal(HttpStatusCode.OK, zero.StatusCode);
        Assert.Contains("The number of days must be between 0.5 and 365", (await zero.ParseAsync()).ErrorSummary());

        // Another organisation: recorded, and the person who asked is told.
        var ok = await broker.SubmitFormAsync($"/brokerage/{id}/recommend", new Dictionary<string, string>
        {
            ["Input.OfferId"] = university.ToString(), ["Input.Days"] = "2", ["Input.Reasoning"] = "Fit", ["Input.QuotesCompared"] = "IDeA: £500 a day",
            ["Input.ValidUntil"] = Today(10),
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains(await _app.OutboxAsync(), m => m.DeduplicationKey.StartsWith($"brokerage:{id}:recommended:", StringComparison.Ordinal)
                                                       && m.ToAddress == Demo.StaffCoventry);
    }

    [Fact]
    public async Task Staff_SeeOnlyTheirPartnershipsRequests()
    {
        var coventryRequest = await _app.RecommendedRequestAsync(Demo.StaffCoventry);
        var birminghamRequest = await _app.RecommendedRequestAsync(Demo.StaffBirmingham);
        var birmingham = await _app.PartnershipIdAsync("Birmingham");

        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        var list = await staff.GetDocumentAsync("/brokerage");
        var partnerships = list.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Birmingham"], partnerships);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/brokerage/{coventryRequest}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/brokerage/{birminghamRequest}")).StatusCode);
        // Nor act on another partnership's: accepting Coventry's is refused.
        var forged = await staff.PostWithTokenAsync("/brokerage", $"/brokerage/{coventryRequest}?handler=Accept");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(BrokerageRequestStatus.Recommended, await _app.WithDbAsync(db => db.BrokerageRequests.Where(r => r.Id == coventryRequest).Select(r => r.Status).SingleAsync()));

        // The coordinator and the broker see the region's, both partnerships.
        foreach (var email in new[] { Demo.Coordinator, BrokerageData.Broker })
        {
            var all = await _app.CreateClientAs(email).GetDocumentAsync("/brokerage?status=Recommended");
            var names = all.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToHashSet();
            Assert.Contains("Birmingham", names);
            Assert.Contains("Coventry", names);
        }
        // A mentor is no part of brokerage.
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Mentor).GetAsync($"/brokerage/{birminghamRequest}")).StatusCode);
        Assert.NotEqual(0, birmingham);
    }

    [Fact]
    public async Task Accept_AnExpiredRecommendation_IsAClearError()
    {
        var id = await _app.RecommendedRequestAsync(Demo.StaffBirmingham, validUntil: UkTime.Today(_app.Clock).AddDays(-1));
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).SubmitFormAsync($"/brokerage/{id}", new Dictionary<string, string>(),
            "form[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ParseAsync()).ErrorSummary();
        Assert.Contains(errors, e => e.StartsWith("The recommendation expired on", StringComparison.Ordinal));
        Assert.False(await _app.WithDbAsync(db => db.Commitments.AnyAsync(c => c.RequestId == id)));
    }

    [Fact]
    public async Task AcceptDeliverRate_MovesTheWorkFromCommittedToSpent()
    {
        var id = await _app.RecommendedRequestAsync(Demo.StaffBirmingham, days: 3);
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        var accept = await staff.SubmitFormAsync($"/brokerage/{id}", new Dictionary<string, string>(), "form[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var commitment = await _app.WithDbAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.RequestId == id));
        Assert.Equal(CommitmentStatus.Committed, commitment.Status);
        Assert.Equal(1200, commitment.CommittedCost); // 3 days at £400
        Assert.Contains(await _app.OutboxAsync(), m => m.DeduplicationKey.StartsWith($"brokerage:{id}:decision:accepted:", StringComparison.Ordinal)
                                                       && m.ToAddress == BrokerageData.Broker);

        // Staff may not record the delivery; the broker does.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/brokerage/{id}/deliver")).StatusCode);
        var deliver = await _app.CreateClientAs(BrokerageData.Broker).SubmitFormAsync($"/brokerage/{id}/deliver", new Dictionary<string, string>
        {
            ["Input.DeliveredOn"] = Today(), ["Input.DaysUsed"] = "2.5", ["Input.ActualCost"] = "1050",
        });
        Assert.Equal(HttpStatusCode.Redirect, deliver.StatusCode);
        var rate = await staff.SubmitFormAsync($"/brokerage/{id}/rate", new Dictionary<string, string> { ["Input.Rating"] = "4", ["Input.Comment"] = "Useful" });
        Assert.Equal(HttpStatusCode.Redirect, rate.StatusCode);
        commitment = await _app.WithDbAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.RequestId == id));
        Assert.Equal((CommitmentStatus.Delivered, 2.5m, 1050m, 4), (commitment.Status, commitment.DaysUsed!.Value, commitment.ActualCost!.Value, commitment.Rating!.Value));
        var page = await staff.GetDocumentAsync($"/brokerage/{id}");
        Assert.Contains("£420 a day", page.QuerySelector("#commitment")!.TextContent); // 1,050 / 2.5
        Assert.Equal(BrokerageRequestStatus.Rated, await _app.WithDbAsync(db => db.BrokerageRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        // Rating twice is a clear error.
        var again = await staff.SubmitFormAsync($"/brokerage/{id}/rate", new Dictionary<string, string> { ["Input.Rating"] = "2" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The work has already been rated.", (await again.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task AskAgain_NeedsAReason_AndGoesBackToTheBroker()
    {
        var id = await _app.RecommendedRequestAsync(Demo.StaffBirmingham);
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        var empty = await staff.SubmitFormAsync($"/brokerage/{id}", new Dictionary<string, string> { ["AskAgain.Reason"] = "" }, "form[action*='handler=AskAgain']");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Say why you are asking the broker again", (await empty.ParseAsync()).ErrorSummary());
        var ok = await staff.SubmitFormAsync($"/brokerage/{id}", new Dictionary<string, string> { ["AskAgain.Reason"] = "Too far away" }, "form[action*='handler=AskAgain']");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var request = await _app.WithDbAsync(db => db.BrokerageRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((BrokerageRequestStatus.AskedAgain, "Too far away"), (request.Status, request.AskedAgainReason));
    }
}
