using System.Text.Json;
using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

/// <summary>The service navigation as Chromium lays it out at a 1280 px wide window.</summary>
public class NavigationJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Navigation_FitsOnOneRow_ForEveryRole_AndSectionsLeadToTheirOtherPages()
    {
        foreach (var person in new[] { Demo.Admin, Demo.Coordinator, Demo.StaffBirmingham, Demo.Mentor })
        {
            var page = await browser.NewPageAsync();
            await page.SetViewportSizeAsync(1280, 800);
            await page.SignInAsync(person);
            await page.GotoAsync("/library");
            var tops = await page.EvaluateAsync<JsonElement>("() => [...document.querySelectorAll('#navigation > li')].map(li => li.getBoundingClientRect().top)");
            var rows = tops.EnumerateArray().Select(t => Math.Round(t.GetDouble())).Distinct().ToList();
            Assert.True(tops.GetArrayLength() >= 6, $"{person}: only {tops.GetArrayLength()} items");
            Assert.True(rows.Count == 1, $"{person}: the navigation takes {rows.Count} rows at 1280 px");
            await Assertions.Expect(page.Locator("#navigation a[aria-current]")).ToHaveTextAsync("Library");
        }

        // A coordinator reaches the pages that are no longer top-level through their section, and sees where they are.
        var coordinator = await browser.NewPageAsync();
        await coordinator.SetViewportSizeAsync(1280, 800);
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Programme", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Programme dashboard");
        await coordinator.Locator("#sub-navigation").GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Assertions.Expect(coordinator).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/people$"));
        await Assertions.Expect(coordinator.Locator("#navigation a[aria-current]")).ToHaveTextAsync("Programme");
        await Assertions.Expect(coordinator.Locator("#sub-navigation a[aria-current='page']")).ToHaveTextAsync("People");
        await coordinator.AssertAccessibleAsync();
        await coordinator.Locator("#sub-navigation").GetByRole(AriaRole.Link, new() { Name = "Email" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#sub-navigation a[aria-current='page']")).ToHaveTextAsync("Email");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".app-account-bar a[aria-current='page']")).ToHaveTextAsync("Your account");
    }
}
