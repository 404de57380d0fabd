using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class CoDeliveryJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Seminar = "Making the Local Area Agreement work: a seminar for partnership managers";
    private const string Showcase = "Best-practice showcase: community engagement that changed decisions";

    [BrowserFact]
    public async Task Coordinator_NamesACoDelivererAndAPresenter_AndNorthWestStaffBookTheNationalShowcase()
    {
        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GotoAsync("/activities");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = Seminar }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Co-delivering partnerships and presenters" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Co-delivering partnerships and presenters");
        await coordinator.AssertAccessibleAsync();

        await coordinator.GetByLabel("Partnership", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Walsall" });
        await coordinator.GetByLabel("Co-deliverer", new() { Exact = true }).CheckAsync();
        await coordinator.GetByLabel("What they contribute").FillAsync("Runs the workshop on Walsall's LAA delivery plan");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".govuk-notification-banner")).ToContainTextAsync("Walsall is named as co-deliverer");

        // A mistake first: a presenter needs a name.
        await coordinator.GetByLabel("Partnership", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Solihull" });
        await coordinator.GetByLabel("Presenter", new() { Exact = true }).CheckAsync();
        await coordinator.GetByLabel("What they contribute").FillAsync("Presents Solihull's performance framework");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".govuk-error-summary")).ToContainTextAsync("presenter");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByLabel("Or the presenter's name (optional)").FillAsync("Sol Hughes");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#contributors")).ToContainTextAsync("Sol Hughes");
        await coordinator.AssertAccessibleAsync();

        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Back to the activity" }).ClickAsync();
        var delivered = coordinator.Locator("#contributors");
        await Assertions.Expect(delivered).ToContainTextAsync("Walsall");
        await Assertions.Expect(delivered).ToContainTextAsync("Runs the workshop on Walsall's LAA delivery plan");
        await Assertions.Expect(delivered).ToContainTextAsync("Solihull");
        await Assertions.Expect(delivered).ToContainTextAsync("Sol Hughes");
        await coordinator.AssertAccessibleAsync();

        // The demo showcase is national, organised by the West Midlands, with a cap for the North West.
        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(TestData.OtherStaff);
        await staff.GotoAsync("/activities");
        var listed = staff.Locator(".app-activity-list__item", new() { HasText = Showcase });
        await Assertions.Expect(listed).ToContainTextAsync("National");
        await staff.AssertAccessibleAsync();
        await listed.GetByRole(AriaRole.Link, new() { Name = Showcase }).ClickAsync();
        await Assertions.Expect(staff.Locator("#national")).ToContainTextAsync("organised by West Midlands");
        await Assertions.Expect(staff.Locator("#national")).ToContainTextAsync("At most 5 places for people of your region");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Book a place" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-notification-banner")).ToContainTextAsync("Your place is confirmed");
        await staff.AssertAccessibleAsync();
    }
}
