using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class ProvidersJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Coordinator_AddsAnOrganisationAndAnOffer_ProviderContact_UpdatesTheirOffer()
    {
        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Partnerships", Exact = true }).First.ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Provider register" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Add an organisation" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();

        await coordinator.GetByLabel("Name", new() { Exact = true }).FillAsync("Coventry Voluntary Action");
        await coordinator.GetByLabel("Voluntary sector body").CheckAsync();
        // A website that is not an address: the error is shown and the name is kept.
        await coordinator.GetByLabel("Website (optional)").FillAsync("cva dot org");
        await coordinator.GetByLabel("West Midlands").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add the organisation" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the website as a full address");
        await Assertions.Expect(coordinator.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Coventry Voluntary Action");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByLabel("Website (optional)").FillAsync("https://www.cva.example");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add the organisation" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Coventry Voluntary Action");
        await coordinator.AssertAccessibleAsync();

        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Add an offer" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByLabel("Facilitation").CheckAsync();
        await coordinator.GetByLabel("Title", new() { Exact = true }).FillAsync("Community conversations for LSP boards");
        await coordinator.GetByLabel("Day rate in pounds (optional)").FillAsync("-20");
        await coordinator.GetByLabel("Days available in the programme year").FillAsync("12");
        await coordinator.GetByLabel("Community engagement").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add the offer" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".govuk-error-summary")).ToContainTextAsync("The day rate must be £0 or more");
        await Assertions.Expect(coordinator.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Community conversations for LSP boards");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByLabel("Day rate in pounds (optional)").FillAsync("");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add the offer" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Community conversations for LSP boards");
        await Assertions.Expect(coordinator.Locator("#offer-rate")).ToHaveTextAsync("Free");
        await coordinator.AssertAccessibleAsync();

        // The demo provider contact keeps their own organisation's offers.
        var provider = await browser.NewPageAsync();
        await provider.SignInAsync("provider@lsp.example");
        await Assertions.Expect(provider.Locator("h1")).ToHaveTextAsync("Shared Intelligence Partnership Consulting");
        await provider.AssertAccessibleAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Coaching for LSP managers" }).ClickAsync();
        await provider.AssertAccessibleAsync();
        await provider.GetByLabel("Days available in the programme year").FillAsync("0");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(provider.Locator(".govuk-error-summary")).ToContainTextAsync("The days available must be at least 1");
        await provider.AssertAccessibleAsync();
        await provider.GetByLabel("Days available in the programme year").FillAsync("35");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(provider.Locator(".govuk-notification-banner")).ToContainTextAsync("has been updated");
        await Assertions.Expect(provider.Locator("#offer-days")).ToHaveTextAsync("35");
        await provider.AssertAccessibleAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Your organisation" }).ClickAsync();
        await Assertions.Expect(provider.Locator("#offers")).ToContainTextAsync("Coaching for LSP managers");
        await provider.AssertAccessibleAsync();
    }
}
