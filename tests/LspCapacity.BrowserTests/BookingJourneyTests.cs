using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class BookingJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Coordinator_SchedulesAndPublishes_StaffBooksAndSeesItUnderMyBookings()
    {
        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Activities" }).First.ClickAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Schedule an activity" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();

        await coordinator.GetByLabel("Workshop").CheckAsync();
        await coordinator.GetByLabel("Title").FillAsync("Partnership governance clinic");
        await coordinator.GetByLabel("Partnership governance").CheckAsync();
        await coordinator.FillDateAsync("Start date", new DateOnly(2027, 2, 10));
        await coordinator.FillDateAsync("End date", new DateOnly(2027, 2, 10));
        await coordinator.GetByLabel("Venue", new() { Exact = true }).FillAsync("Solihull Council House");
        await coordinator.GetByLabel("Capacity").FillAsync("20");
        await coordinator.FillDateAsync("Booking closes (end of day)", new DateOnly(2027, 2, 3));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Partnership governance clinic");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".govuk-notification-banner")).ToContainTextAsync("is published");
        var activityUrl = coordinator.Url;

        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(Demo.StaffCoventry);
        await staff.GotoAsync(activityUrl);
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Book a place" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-notification-banner")).ToContainTextAsync("Your place is confirmed");

        await staff.GetByRole(AriaRole.Link, new() { Name = "My bookings" }).First.ClickAsync();
        await Assertions.Expect(staff.Locator("main table")).ToContainTextAsync("Partnership governance clinic");
        await Assertions.Expect(staff.Locator("main table")).ToContainTextAsync("10 February 2027 at 10am to 4pm");
        await staff.AssertAccessibleAsync();

        await coordinator.GotoAsync(activityUrl + "/bookings");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Jo Coventry");
        await coordinator.AssertAccessibleAsync();
    }
}
