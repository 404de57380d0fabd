using System.Text.RegularExpressions;
using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public partial class BrokerageJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [GeneratedRegex("University of the Midlands: Commissioning")]
    private static partial Regex UniversityOffer();

    [BrowserFact]
    public async Task Staff_AskForSupport_BrokerRecommends_StaffAccepts_TheCommitmentShows()
    {
        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(Demo.StaffBirmingham);
        // Staff find brokerage under Projects (requests are for a need or a project).
        await staff.GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).First.ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Brokerage requests", Exact = true }).First.ClickAsync();
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Ask for support" }).ClickAsync();
        await staff.AssertAccessibleAsync();

        // Neither a need nor a project: a clear error, what was typed kept.
        await staff.GetByLabel("What support do you need?").FillAsync("Pooled budget training for our youth offer partners.");
        await staff.FillDateAsync("Wanted by", new DateOnly(2027, 1, 31));
        await staff.GetByLabel("Budget ceiling, in pounds").FillAsync("3000");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-error-summary")).ToContainTextAsync("Select the need or the improvement project the support is for");
        await Assertions.Expect(staff.GetByLabel("What support do you need?")).ToHaveValueAsync("Pooled budget training for our youth offer partners.");
        await staff.AssertAccessibleAsync();
        await staff.GetByLabel("The improvement project it serves").SelectOptionAsync(new SelectOptionValue { Label = "One youth offer for Aston and Newtown" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-notification-banner")).ToContainTextAsync("sent to the region's broker");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("Received");
        await staff.AssertAccessibleAsync();
        var requestUrl = staff.Url;

        var broker = await browser.NewPageAsync();
        await broker.SignInAsync("broker@lsp.example");
        await broker.GotoAsync(requestUrl);
        await Assertions.Expect(broker.Locator("#shortlist")).ToBeVisibleAsync();
        await broker.AssertAccessibleAsync();
        await broker.GetByRole(AriaRole.Link, new() { Name = "Record a recommendation" }).ClickAsync();
        await broker.AssertAccessibleAsync();
        await broker.GetByLabel(UniversityOffer()).CheckAsync();
        await broker.GetByLabel("Days", new() { Exact = true }).FillAsync("4");
        await broker.GetByLabel("Your reasoning").FillAsync("The best fit for pooled budgets, well rated, within the ceiling.");
        await broker.GetByLabel("The other quotes you compared (optional)").FillAsync("Improvement and Development Agency: 4 days at £500");
        await broker.GetByRole(AriaRole.Button, new() { Name = "Send the recommendation" }).ClickAsync();
        await Assertions.Expect(broker.Locator(".govuk-notification-banner")).ToContainTextAsync("recommendation has been sent");
        await Assertions.Expect(broker.Locator("#recommendation")).ToContainTextAsync("University of the Midlands");
        await broker.AssertAccessibleAsync();

        await staff.GotoAsync(requestUrl);
        await Assertions.Expect(staff.Locator("#recommendation")).ToContainTextAsync("4 days at £400 a day: £1,600");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Accept the recommendation" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-notification-banner")).ToContainTextAsync("committed against the programme budget");
        await Assertions.Expect(staff.Locator("#commitment")).ToContainTextAsync("4 days at £400 a day: £1,600");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("Accepted");
        await staff.AssertAccessibleAsync();
    }
}
