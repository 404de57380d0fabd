using System.Globalization;
using System.Text.RegularExpressions;
using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class ReviewJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static ILocator TimelineStage(IPage page, string stage) =>
        page.Locator(".app-review-timeline li", new() { Has = page.GetByText(stage, new() { Exact = true }) });

    [BrowserFact]
    public async Task Coordinator_SetsUpAReview_HostSelfAssesses_LeadRecordsFindings_HostAgreesTheReportAndAddsAnAction()
    {
        // The visit starts as soon as the rules allow: scoping and the self-assessment today, on site tomorrow.
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime);
        var onSite = today.AddDays(1);
        var due = onSite.AddMonths(3);

        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Peer reviews" }).First.ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Set up a review" }).ClickAsync();
        await coordinator.GetByLabel("Suggest focus themes from a partnership's needs").SelectOptionAsync(new SelectOptionValue { Label = "Coventry" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Suggest themes" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByLabel("Partnership to be reviewed (the host)")).ToHaveValueAsync(new Regex(@"^\d+$"));
        // The team picker leaves out the host's own staff.
        await Assertions.Expect(coordinator.GetByLabel("Lead reviewer")).Not.ToContainTextAsync("Jo Coventry");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Group, new() { Name = "Peer reviewers" })).Not.ToContainTextAsync("Jo Coventry");
        await coordinator.AssertAccessibleAsync();

        await coordinator.GetByLabel("Partnership governance").CheckAsync();
        await coordinator.GetByLabel("Scope (optional)").FillAsync("How the board holds partners to account for LAA delivery.");
        await coordinator.FillDateAsync("Scoping meeting", today);
        await coordinator.FillDateAsync("Self-assessment due", today);
        await coordinator.FillDateAsync("First day on site", onSite);
        await coordinator.FillDateAsync("Last day on site", onSite.AddDays(1));
        await coordinator.GetByLabel("Lead reviewer").SelectOptionAsync(new SelectOptionValue { Label = "Sam Birmingham (Birmingham): on 0 open reviews" });
        await coordinator.GetByLabel("Morgan Mentor").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Set up the review" }).ClickAsync();

        await Assertions.Expect(coordinator.Locator(".govuk-notification-banner")).ToContainTextAsync("The review is set up");
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Peer review of Coventry");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync(
            $"{onSite.ToString("d MMMM yyyy", EnGb)} to {onSite.AddDays(1).ToString("d MMMM yyyy", EnGb)}");
        await Assertions.Expect(TimelineStage(coordinator, "Scoping")).ToContainTextAsync("Current stage");
        await coordinator.AssertAccessibleAsync();
        var reviewUrl = coordinator.Url;
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Scoping is done: open the self-assessment" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".govuk-notification-banner")).ToContainTextAsync("moved on to self-assessment");
        await Assertions.Expect(TimelineStage(coordinator, "Scoping")).ToContainTextAsync("Done");
        await Assertions.Expect(TimelineStage(coordinator, "Self-assessment")).ToContainTextAsync("Current stage");

        var host = await browser.NewPageAsync();
        await host.SignInAsync(Demo.StaffCoventry);
        await host.GotoAsync(reviewUrl);
        await host.GetByRole(AriaRole.Link, new() { Name = "Self-assessment", Exact = true }).ClickAsync();
        await Assertions.Expect(host.Locator("h1")).ToHaveTextAsync("Self-assessment");
        await host.GetByRole(AriaRole.Group, new() { Name = "How strong is your partnership's capacity here?" })
            .GetByLabel("2", new() { Exact = true }).CheckAsync();
        await host.GetByLabel("Your evidence").FillAsync("Terms of reference exist but the board rarely challenges partners.");
        await host.AssertAccessibleAsync();
        await host.GetByRole(AriaRole.Button, new() { Name = "Submit the self-assessment" }).ClickAsync();
        await Assertions.Expect(host.Locator(".govuk-notification-banner")).ToContainTextAsync("Your self-assessment is submitted");
        await Assertions.Expect(TimelineStage(host, "On-site")).ToContainTextAsync("Current stage");

        // The next morning the visit has started (sessions last eight hours, so everyone signs in again).
        browser.App.Clock.Advance(TimeSpan.FromDays(1));

        var lead = await browser.NewPageAsync();
        await lead.SignInAsync(Demo.StaffBirmingham);
        await lead.GotoAsync(reviewUrl);
        await lead.AssertAccessibleAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "The visit is over: write up the findings" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".govuk-notification-banner")).ToContainTextAsync("moved on to findings");
        await Assertions.Expect(TimelineStage(lead, "Findings")).ToContainTextAsync("Current stage");

        await lead.GetByRole(AriaRole.Link, new() { Name = "Findings and recommendations" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("The host rated its capacity here 2 out of 5.");
        await lead.AssertAccessibleAsync();
        await lead.GetByLabel("Theme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Partnership governance" });
        await lead.GetByLabel("Area for improvement").CheckAsync();
        await lead.GetByLabel("Finding", new() { Exact = true }).FillAsync("Partners report to the board but are seldom asked to explain slippage.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the finding" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        var improvements = lead.Locator("main li", new() { HasText = "Partners report to the board but are seldom asked to explain slippage." });
        await Assertions.Expect(improvements).ToContainTextAsync("Sam Birmingham");
        await lead.GetByLabel("Theme (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Partnership governance" });
        await lead.GetByLabel("Recommendation", new() { Exact = true }).FillAsync("Add a quarterly performance challenge session to the board's cycle.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the recommendation" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("R1 Add a quarterly performance challenge session to the board's cycle.");
        await lead.GetByLabel("Summary", new() { Exact = true }).FillAsync("A committed partnership whose board is ready to hold partners to account.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the summary" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("A committed partnership whose board is ready to hold partners to account.");
        await Assertions.Expect(lead.Locator("h3:text-is('Areas for improvement') + ul"))
            .ToContainTextAsync("Partners report to the board but are seldom asked to explain slippage.");
        await lead.AssertAccessibleAsync();

        await host.SignInAsync(Demo.StaffCoventry);
        await host.GotoAsync(reviewUrl);
        await host.GetByRole(AriaRole.Link, new() { Name = "The report, ready to print" }).ClickAsync();
        await Assertions.Expect(host.Locator("main")).ToContainTextAsync("Draft: the host has not agreed this report yet.");
        await Assertions.Expect(host.Locator("main")).ToContainTextAsync("Partners report to the board but are seldom asked to explain slippage.");
        await host.AssertAccessibleAsync();
        await host.GotoAsync(reviewUrl);
        await host.GetByRole(AriaRole.Button, new() { Name = "We agree the report" }).ClickAsync();
        await Assertions.Expect(host.Locator(".govuk-notification-banner")).ToContainTextAsync("moved on to report agreed");
        await Assertions.Expect(TimelineStage(host, "Report agreed")).ToContainTextAsync("Current stage");
        await Assertions.Expect(TimelineStage(host, "Findings")).ToContainTextAsync("Done");

        await host.GetByRole(AriaRole.Link, new() { Name = "Action plan", Exact = true }).ClickAsync();
        await Assertions.Expect(host.Locator("main")).ToContainTextAsync("No actions yet.");
        await host.AssertAccessibleAsync();
        await host.GetByLabel("Recommendation", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "R1: Add a quarterly performance challenge session to the board's cycle." });
        await host.GetByLabel("Action", new() { Exact = true }).FillAsync("Put performance challenge on every second board agenda.");
        await host.GetByLabel("Owner").FillAsync("Pat Chair, board chair");
        await host.FillDateAsync("Due by", due);
        await host.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(host.Locator(".govuk-notification-banner")).ToContainTextAsync("The action is added to the plan");
        var action = host.Locator("main tbody tr", new() { HasText = "Put performance challenge on every second board agenda." });
        await Assertions.Expect(action).ToContainTextAsync("Pat Chair, board chair");
        await Assertions.Expect(action).ToContainTextAsync(due.ToString("d MMMM yyyy", EnGb));
        await Assertions.Expect(action).ToContainTextAsync("Not started");
        await host.AssertAccessibleAsync();
        await action.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(host.Locator("h1")).ToHaveTextAsync("Put performance challenge on every second board agenda.");
        await host.AssertAccessibleAsync();

        // Every recommendation has an action, so the lead can agree the plan.
        await lead.GotoAsync(reviewUrl);
        await lead.GetByRole(AriaRole.Button, new() { Name = "The action plan is agreed" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".govuk-notification-banner")).ToContainTextAsync("moved on to action plan");
        await Assertions.Expect(TimelineStage(lead, "Action plan")).ToContainTextAsync("Current stage");
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("1 open");
    }
}
