using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class ProposalJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string StaffWolverhampton = "staff.wolverhampton@lsp.example";

    [BrowserFact]
    public async Task Staff_ProposeSupport_TwoOtherPartnershipsEndorseIt_TheListCountsThem()
    {
        var proposer = await browser.NewPageAsync();
        await proposer.SignInAsync(Demo.StaffBirmingham);
        await proposer.GetByRole(AriaRole.Link, new() { Name = "Proposals", Exact = true }).First.ClickAsync();
        await proposer.AssertAccessibleAsync();
        await proposer.GetByRole(AriaRole.Link, new() { Name = "Propose support" }).ClickAsync();
        await proposer.AssertAccessibleAsync();

        await proposer.GetByLabel("Title", new() { Exact = true }).FillAsync("Evidence clinic for LAA performance leads");
        await proposer.GetByLabel("Workshop", new() { Exact = true }).CheckAsync();
        await proposer.GetByLabel("Performance management", new() { Exact = true }).CheckAsync();
        await proposer.GetByLabel("The need it answers").FillAsync("Our theme groups report numbers but cannot say what they mean for the LAA targets.");
        await proposer.GetByLabel("Who would come").FillAsync("Performance leads of the metropolitan LSPs.");
        await proposer.GetByLabel("We offer to host it").CheckAsync();
        // A cost below zero: the error is shown and what was typed is kept.
        await proposer.GetByLabel("Rough cost in pounds (optional)").FillAsync("-100");
        await proposer.GetByRole(AriaRole.Button, new() { Name = "Send the proposal" }).ClickAsync();
        await Assertions.Expect(proposer.Locator(".govuk-error-summary")).ToContainTextAsync("The rough cost cannot be below zero");
        await Assertions.Expect(proposer.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Evidence clinic for LAA performance leads");
        await proposer.AssertAccessibleAsync();
        await proposer.GetByLabel("Rough cost in pounds (optional)").FillAsync("1,200");
        await proposer.GetByRole(AriaRole.Button, new() { Name = "Send the proposal" }).ClickAsync();
        await Assertions.Expect(proposer.Locator("h1")).ToHaveTextAsync("Evidence clinic for LAA performance leads");
        await Assertions.Expect(proposer.Locator("main")).ToContainTextAsync("Your partnership proposed this");
        await proposer.AssertAccessibleAsync();
        var proposalUrl = proposer.Url;

        foreach (var (person, says, partnership) in new[] { (Demo.StaffCoventry, "We need this too", "Coventry"), (StaffWolverhampton, "We would come", "Wolverhampton") })
        {
            var endorser = await browser.NewPageAsync();
            await endorser.SignInAsync(person);
            await endorser.GotoAsync(proposalUrl);
            await endorser.AssertAccessibleAsync();
            await endorser.GetByLabel(says).CheckAsync();
            await endorser.GetByLabel("Comment (optional)").FillAsync($"{partnership} has the same gap.");
            await endorser.GetByRole(AriaRole.Button, new() { Name = "Endorse the proposal" }).ClickAsync();
            await Assertions.Expect(endorser.Locator(".govuk-notification-banner")).ToContainTextAsync($"You have endorsed the proposal for {partnership}");
            await Assertions.Expect(endorser.Locator("main")).ToContainTextAsync($"{partnership} has the same gap.");
            await endorser.AssertAccessibleAsync();
        }

        await proposer.GetByRole(AriaRole.Link, new() { Name = "Back to proposals" }).ClickAsync();
        var row = proposer.Locator("#proposals tbody tr", new() { HasText = "Evidence clinic for LAA performance leads" });
        await Assertions.Expect(row.Locator("[data-endorsing]")).ToHaveTextAsync("2");
        await proposer.AssertAccessibleAsync();
        await proposer.GotoAsync(proposalUrl);
        await Assertions.Expect(proposer.Locator("#endorsing-count")).ToHaveTextAsync("Endorsed by 2 partnerships");
    }
}
