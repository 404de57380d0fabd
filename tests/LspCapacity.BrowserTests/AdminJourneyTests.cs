using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

/// <summary>Issue 21: an admin starts next year's programme; the national team compares the regions and opens one.</summary>
public class AdminJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Admin_StartsNextYearsProgramme_FromTheProgrammeYears()
    {
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(Demo.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Programme", Exact = true }).First.ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Programme years" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Programme years");
        await admin.AssertAccessibleAsync();

        await admin.GetByRole(AriaRole.Link, new() { Name = "West Midlands LSP Capacity Building Programme 2006–07" }).ClickAsync();
        await admin.AssertAccessibleAsync();
        await Assertions.Expect(admin.GetByLabel("Name of next year's programme")).ToHaveValueAsync("West Midlands LSP Capacity Building Programme 2007–08");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Start next year's programme" }).ClickAsync();

        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("has been started from");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("West Midlands LSP Capacity Building Programme 2007–08");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("1 September 2007 to 31 July 2008");
        await admin.AssertAccessibleAsync();

        // The dashboard reads the latest programme now, and the report of any year can be chosen.
        await admin.GetByRole(AriaRole.Link, new() { Name = "End-of-programme report" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#programme-shown")).ToContainTextAsync("2007–08");
        await admin.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task National_ComparesTheRegions_AndOpensOnesDashboard_ReadOnly()
    {
        var national = await browser.NewPageAsync();
        await national.SignInAsync(Demo.National);
        await national.GetByRole(AriaRole.Link, new() { Name = "Regions", Exact = true }).First.ClickAsync();
        await Assertions.Expect(national.Locator("h1")).ToHaveTextAsync("Regions compared");
        await Assertions.Expect(national.Locator("main table")).ToContainTextAsync("West Midlands");
        await national.AssertAccessibleAsync();

        await national.GetByRole(AriaRole.Link, new() { Name = "Dashboard of West Midlands" }).ClickAsync();
        await Assertions.Expect(national.Locator("#programme-shown")).ToContainTextAsync("West Midlands");
        await national.AssertAccessibleAsync();
        await national.GetByRole(AriaRole.Link, new() { Name = "Needs coverage" }).First.ClickAsync();
        await Assertions.Expect(national.Locator("h1")).ToHaveTextAsync("Needs coverage");
        await national.AssertAccessibleAsync();
    }
}
