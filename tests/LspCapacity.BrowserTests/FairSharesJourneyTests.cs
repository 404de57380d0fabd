using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

/// <summary>
/// The coordinator follows the dashboard's fair-shares panel to the fair-shares page (chart, table, CSV link), is refused a
/// negative weight, then shares the budget equally. axe on every page, at desktop width and at 320 px.
/// </summary>
public class FairSharesJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Coordinator_SeesFairShares_FromTheDashboard_AndChangesTheRule()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(Demo.Coordinator);
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("#fair-shares-panel")).ToContainTextAsync("far below");
        await page.AssertAccessibleAsync();

        await page.Locator("#fair-shares-panel").GetByRole(AriaRole.Link, new() { Name = "See every partnership's fair share" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fair shares", Level = 1 })).ToBeVisibleAsync();
        // The demo's brokered work: Birmingham's delivered work is in its received column; the chart describes every bar.
        await Assertions.Expect(page.Locator("#fair-shares tbody tr").Filter(new() { HasText = "Birmingham" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#fair-shares-desc")).ToContainTextAsync("Birmingham:");
        await Assertions.Expect(page.Locator("#fair-shares .govuk-tag", new() { HasText = "Far below" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the fair shares (CSV)" })).ToHaveAttributeAsync("href", "/brokerage/fair-shares?handler=Csv");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Weight of each theme of high need").FillAsync("-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The weight of a high-need theme cannot be negative.");
        await Assertions.Expect(page.GetByLabel("Weight of each theme of high need")).ToHaveValueAsync("-2");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Weight of each theme of high need").FillAsync("1");
        await page.GetByLabel("Equal: the budget divided equally between the active partnerships").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The fair-share rule has been changed.");
        await Assertions.Expect(page.Locator("#rule-in-words")).ToContainTextAsync("an equal share");
        await page.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(320, 800);
        await page.AssertAccessibleAsync();
    }
}
