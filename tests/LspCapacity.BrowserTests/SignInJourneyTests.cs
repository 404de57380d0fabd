using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class SignInJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Coordinator_SignsIn_AfterAMistake_SeesTheProgramme_AndSignsOut()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();

        // The public library, before signing in.
        await page.GotoAsync("/library?q=budgets");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Pooling budgets for worklessness in Walsall");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pooling budgets for worklessness in Walsall" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pooling budgets for worklessness in Walsall");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).First.ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Email address").FillAsync(Demo.Coordinator);
        await page.GetByLabel("Password").FillAsync("not the right password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a correct email address and password");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync(Demo.Coordinator);
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Password").FillAsync(Demo.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("West Midlands LSP Capacity Building Programme");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Partnerships" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Partnerships");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/account/profile");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Chris Coordinator");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
    }
}
