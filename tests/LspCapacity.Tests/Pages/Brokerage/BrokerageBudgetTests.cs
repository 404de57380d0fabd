using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Brokerage;

/// <summary>
/// The budget on a known data set, worked by hand: a North West programme of £10,000 with no activities and a register
/// of one offer at £500 a day. Each test has its own app, so the figures are its own.
/// </summary>
public class BrokerageBudgetTests
{
    private static async Task<int> AcceptAsync(AppFactory app, int id)
    {
        var response = await app.CreateClientAs(TestData.OtherStaff).SubmitFormAsync($"/brokerage/{id}", new Dictionary<string, string>(),
            "form[action*='handler=Accept']");
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Budget_CommittedSpentRemaining_MatchHandWorkedValues()
    {
        await using var app = new AppFactory();
        var (programmeId, _) = await app.AddNorthWestRegisterAsync(10_000);

        // 4 days at £500 = £2,000 committed.
        var committed = await app.RecommendedRequestAsync(TestData.OtherStaff, days: 4, offerTitle: "Mersey diagnostic", brokerEmail: BrokerageData.OtherBroker);
        Assert.Equal(302, await AcceptAsync(app, committed));
        // 6 days at £500 = £3,000 committed, then delivered in 5 days for £2,600: £2,600 spent, £520 a day.
        var delivered = await app.RecommendedRequestAsync(TestData.OtherStaff, days: 6, offerTitle: "Mersey diagnostic", brokerEmail: BrokerageData.OtherBroker);
        Assert.Equal(302, await AcceptAsync(app, delivered));
        var deliver = await app.CreateClientAs(BrokerageData.OtherBroker).SubmitFormAsync($"/brokerage/{delivered}/deliver", new Dictionary<string, string>
        {
            ["Input.DeliveredOn"] = UkTime.Today(app.Clock).ToString("yyyy-MM-dd"), ["Input.DaysUsed"] = "5", ["Input.ActualCost"] = "2600",
        });
        Assert.Equal(HttpStatusCode.Redirect, deliver.StatusCode);

        // Remaining: £10,000 − £2,000 − £2,600 = £5,400. Twelve more days (£6,000) do not fit; ten (£5,000) do.
        var tooMuch = await app.RecommendedRequestAsync(TestData.OtherStaff, days: 12, offerTitle: "Mersey diagnostic", brokerEmail: BrokerageData.OtherBroker, ceiling: 8000);
        var refused = await app.CreateClientAs(TestData.OtherStaff).SubmitFormAsync($"/brokerage/{tooMuch}", new Dictionary<string, string>(),
            "form[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The programme cannot afford this work: it costs £6,000 and £5,400 of the £10,000 budget is left.", (await refused.ParseAsync()).ErrorSummary());

        var page = await app.CreateClientAs(BrokerageData.OtherBroker).GetDocumentAsync($"/brokerage/{tooMuch}");
        var budget = page.QuerySelectorAll("#budget .govuk-summary-list__value").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(["£10,000", "£0", "£2,000", "£2,600", "£5,400"], budget);
        var deliveredPage = await app.CreateClientAs(TestData.OtherStaff).GetDocumentAsync($"/brokerage/{delivered}");
        Assert.Contains("5 days used, £2,600 spent (£520 a day)", deliveredPage.QuerySelector("#commitment")!.TextContent);

        var fits = await app.RecommendedRequestAsync(TestData.OtherStaff, days: 10, offerTitle: "Mersey diagnostic", brokerEmail: BrokerageData.OtherBroker);
        Assert.Equal(302, await AcceptAsync(app, fits));
        Assert.Equal(9600, await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == programmeId).Select(p => p.BrokeredTotal).SingleAsync()));
    }

    [Fact]
    public async Task TwoAcceptancesAtOnce_NeverTakeTheBudgetPastItsTotal()
    {
        await using var app = new AppFactory();
        var (programmeId, _) = await app.AddNorthWestRegisterAsync(5000);
        // Each costs 6 days at £500 = £3,000: one fits the £5,000 budget, two do not.
        var first = await app.RecommendedRequestAsync(TestData.OtherStaff, days: 6, offerTitle: "Mersey diagnostic", brokerEmail: BrokerageData.OtherBroker);
        var second = await app.RecommendedRequestAsync(TestData.OtherStaff, days: 6, offerTitle: "Mersey diagnostic", brokerEmail: BrokerageData.OtherBroker);
        var clientA = app.CreateClientAs(TestData.OtherStaff);
        var clientB = app.CreateClientAs(TestData.OtherStaff);
        var pageA = await clientA.GetDocumentAsync($"/brokerage/{first}");
        var pageB = await clientB.GetDocumentAsync($"/brokerage/{second}");

        var responses = await Task.WhenAll(
            clientA.SubmitAsync(pageA, $"/brokerage/{first}", new Dictionary<string, string>(), "form[action*='handler=Accept']"),
            clientB.SubmitAsync(pageB, $"/brokerage/{second}", new Dictionary<string, string>(), "form[action*='handler=Accept']"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], responses.Select(r => r.StatusCode).Order());
        var costs = await app.WithDbAsync(db => db.Commitments.Where(c => c.ProgrammeId == programmeId && c.Status != CommitmentStatus.Cancelled)
            .Select(c => c.CommittedCost).ToListAsync());
        Assert.Equal(3000, costs.Sum());
        Assert.Equal(3000, await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == programmeId).Select(p => p.BrokeredTotal).SingleAsync()));
    }
}
