using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class InviteJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Coordinator_InvitesAColleague_WhoSetsAPasswordAndSignsIn()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(Demo.Coordinator);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("West Midlands");

        await page.Locator("#navigation").GetByRole(AriaRole.Link, new() { Name = "Programme" }).ClickAsync();
        await page.Locator("#sub-navigation").GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite a person" }).ClickAsync();
        await page.AssertAccessibleAsync();

        // Submitting empty shows every problem, accessibly.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the person's full name");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Full name").FillAsync("Ash Walsall");
        await page.GetByLabel("Email address").FillAsync("ash@walsall.example");
        await page.GetByLabel("LSP staff").CheckAsync();
        await page.GetByLabel("Partnership").SelectOptionAsync(new SelectOptionValue { Label = "Walsall" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Invitation sent to ash@walsall.example");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Ash Walsall");

        // The email goes to the pickup folder; follow its link in a fresh browser.
        var email = Assert.Single(await browser.App.DeliveredToAsync("ash@walsall.example"));
        var link = Emails.LinkIn(email, "/account/invitation/");
        var invitee = await browser.NewPageAsync();
        await invitee.GotoAsync(link);
        await invitee.AssertAccessibleAsync();
        await invitee.GetByLabel("New password", new() { Exact = true }).FillAsync("walsall partners work together");
        await invitee.GetByLabel("Confirm new password").FillAsync("walsall partners work together");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(invitee.Locator(".govuk-notification-banner")).ToContainTextAsync("Your password is set");

        await invitee.GetByLabel("Email address").FillAsync("ash@walsall.example");
        await invitee.GetByLabel("Password").FillAsync("walsall partners work together");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(invitee.Locator("main")).ToContainTextAsync("Walsall");
        await invitee.AssertAccessibleAsync();
    }
}
