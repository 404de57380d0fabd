using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class MentoringJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Staff_RequestMentoring_CoordinatorConfirmsTheSuggestion_MentorLogsASession()
    {
        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(Demo.StaffCoventry);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Mentoring" }).First.ClickAsync();
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Ask for support" }).ClickAsync();
        await staff.GetByLabel("Mentoring").CheckAsync();
        await staff.GetByLabel("Performance management").CheckAsync();
        await staff.GetByLabel("What do you want to achieve?").FillAsync("A performance framework our board owns.");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-notification-banner")).ToContainTextAsync("Your request has been sent");

        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GotoAsync("/placements");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Mentoring for Jo Coventry (Coventry)" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByLabel("Morgan Mentor").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Confirm the pairing and introduce them" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".govuk-notification-banner")).ToContainTextAsync("The pairing is confirmed");
        var placementUrl = coordinator.Url;
        await coordinator.AssertAccessibleAsync();

        var mentor = await browser.NewPageAsync();
        await mentor.SignInAsync(Demo.Mentor);
        await mentor.GotoAsync(placementUrl);
        await mentor.GetByLabel("Duration in minutes").FillAsync("75");
        await mentor.GetByLabel("Video").CheckAsync();
        await mentor.GetByLabel("Summary").FillAsync("Reviewed the draft scorecard together.");
        await mentor.GetByLabel("Private notes (optional)").FillAsync("Keep an eye on the chair's appetite for targets.");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Log the session" }).ClickAsync();
        await Assertions.Expect(mentor.Locator(".govuk-notification-banner")).ToContainTextAsync("The session has been logged");
        await Assertions.Expect(mentor.Locator("main")).ToContainTextAsync("Keep an eye on the chair's appetite for targets.");
        await mentor.AssertAccessibleAsync();

        await coordinator.ReloadAsync();
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Reviewed the draft scorecard together.");
        await Assertions.Expect(coordinator.Locator("main")).Not.ToContainTextAsync("appetite for targets");
    }
}
