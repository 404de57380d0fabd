using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class ProjectJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Staff_RegisterAProject_CoordinatorAcceptsIt_LeadPostsAnUpdate()
    {
        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(Demo.StaffCoventry);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).First.ClickAsync();
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Register a project" }).ClickAsync();
        await staff.AssertAccessibleAsync();

        await staff.GetByLabel("Title", new() { Exact = true }).FillAsync("Owners for every LAA target");
        await staff.GetByLabel("The problem").FillAsync("Nobody owns the targets, so nobody acts on them.");
        await staff.GetByLabel("Performance management", new() { Exact = true }).CheckAsync();
        await staff.GetByLabel("Safer and Stronger Communities").CheckAsync();
        await staff.GetByLabel("Neighbourhood 1", new() { Exact = true }).FillAsync("Foleshill");
        await staff.GetByLabel("Neighbourhood 1 is a deprived (NRF) area").CheckAsync();
        await staff.FillDateAsync("Start date", new DateOnly(2026, 12, 1));
        await staff.FillDateAsync("End date", new DateOnly(2027, 6, 30));
        await staff.GetByLabel("Milestone 1", new() { Exact = true }).FillAsync("Owners agreed at the board");
        await staff.FillDateAsync("Milestone 1 due", new DateOnly(2027, 2, 1));
        await staff.GetByLabel("Measure 1: name").FillAsync("Targets with a named owner");
        await staff.GetByLabel("Measure 1: unit").FillAsync("%");
        await staff.GetByLabel("Measure 1: baseline value").FillAsync("20");
        await staff.FillDateAsync("Measure 1: baseline date", new DateOnly(2026, 11, 1));
        await staff.GetByLabel("Measure 1: target value").FillAsync("100");
        // A target dated before its baseline: the error is shown and what was typed is kept.
        await staff.FillDateAsync("Measure 1: target date", new DateOnly(2026, 10, 1));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Register the project" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-error-summary")).ToContainTextAsync("The target date of measure 1 must be on or after its baseline date");
        await Assertions.Expect(staff.GetByLabel("Measure 1: name")).ToHaveValueAsync("Targets with a named owner");
        await staff.AssertAccessibleAsync();
        await staff.FillDateAsync("Measure 1: target date", new DateOnly(2027, 6, 30));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Register the project" }).ClickAsync();
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("Owners for every LAA target");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("Proposed");
        await staff.AssertAccessibleAsync();
        var projectUrl = staff.Url;

        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GotoAsync(projectUrl);
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Accept or decline" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByLabel("Support plan").FillAsync("A mentor on performance management and two places on the LAA workshop.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Accept the project" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".govuk-notification-banner")).ToContainTextAsync("has been accepted");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Active");

        await staff.GotoAsync(projectUrl);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Post an update" }).ClickAsync();
        await staff.AssertAccessibleAsync();
        await staff.GetByLabel("Green: on track").CheckAsync();
        await staff.GetByLabel("What has happened since the last update?").FillAsync("Half the partners have named owners.");
        await staff.GetByLabel("Targets with a named owner: latest value").FillAsync("55");
        await staff.FillDateAsync("Targets with a named owner: date of the value", new DateOnly(2026, 11, 25));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Post the update" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-notification-banner")).ToContainTextAsync("progress update has been posted");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("Half the partners have named owners.");
        await Assertions.Expect(staff.Locator("main table").Last).ToBeVisibleAsync();
        await staff.AssertAccessibleAsync();
    }
}
