using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

/// <summary>Staff book a place for their supported project; the project page lists it; the project shows on the dashboard. axe on every page.</summary>
public class ProjectSupportJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Staff_BookAPlaceForTheirProject_TheProjectListsIt_AndTheDashboardShowsTheProject()
    {
        var project = await browser.App.AddAsync("Coventry", Demo.StaffCoventry, "Safer city centre at night");
        var activity = await browser.App.PublishedActivityAsync(title: "Night-time economy workshop");

        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(Demo.StaffCoventry);
        await staff.GotoAsync($"/activities/{activity}");
        await staff.AssertAccessibleAsync();
        await staff.GetByLabel("Is the place for one of your supported projects? (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Safer city centre at night" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Book a place" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-notification-banner")).ToContainTextAsync("Your place is confirmed");
        await Assertions.Expect(staff.Locator("#place-project")).ToContainTextAsync("Safer city centre at night");
        await staff.AssertAccessibleAsync();

        await staff.Locator("#place-project").GetByRole(AriaRole.Link, new() { Name = "Safer city centre at night" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#support-places")).ToContainTextAsync("Night-time economy workshop");
        await staff.AssertAccessibleAsync();

        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GotoAsync("/dashboard");
        await coordinator.AssertAccessibleAsync();
        await coordinator.Locator("#figure-projects").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(coordinator.Locator("#active-projects")).ToContainTextAsync("Safer city centre at night");
        await coordinator.AssertAccessibleAsync();
        await Assertions.Expect(coordinator.Locator($"#active-projects a[href='/projects/{project}']")).ToHaveCountAsync(1);
    }
}
