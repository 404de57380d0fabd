using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Pages.Board;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class BoardJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Coordinator_SetsUpAMeeting_PutsAProposalOnTheAgenda_ApprovesIt_AndFindsTheDraftActivity()
    {
        const string title = "Journey: a peer learning set on LAA scorecards";
        await browser.App.ProposeAsync(Demo.StaffBirmingham, title, ProposalKind.PeerLearningSet, HostOffer.Host, Demo.StaffCoventry);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(Demo.Coordinator);
        // Coordinators find the board under Programme: "Proposals and board", then the proposals page's link.
        await page.GetByRole(AriaRole.Link, new() { Name = "Programme", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Proposals and board", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Programme board", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Programme board");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Set up a meeting" }).ClickAsync();
        await page.AssertAccessibleAsync();
        // Yesterday (the test clock's today is 25 November 2026), so its decisions can be recorded now.
        await page.FillDateAsync("Date of the meeting", new DateOnly(2026, 11, 24));
        await page.GetByLabel("Start time (UK time)").FillAsync("14:00");
        await page.GetByLabel("Place").FillAsync("Council House, Birmingham");
        await page.GetByLabel("Papers (optional)").FillAsync("One proposal from Birmingham, endorsed by Coventry.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Board meeting, 24 November 2026 at 2pm");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add or remove proposals" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Add {title} to the agenda" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("is on the agenda");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#proposal-{await ProposalIdAsync(title)}")).ToContainTextAsync("1 partnership");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Proposal", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = title });
        await page.GetByLabel("Approve (with a budget)").CheckAsync();
        await page.GetByLabel("Approved budget in pounds (for an approval)").FillAsync("1500");
        await page.GetByLabel("Reasons").FillAsync("Coventry needs it too and Birmingham offers to host.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been approved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Approved with a budget of £1,500");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the draft activity" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("#proposal-origin")).ToHaveTextAsync("Proposed by Birmingham, endorsed by 1 partnership");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Draft");
        await page.AssertAccessibleAsync();
    }

    private Task<int> ProposalIdAsync(string title) =>
        browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Proposals.Where(p => p.Title == title).Select(p => p.Id)));
}
