using System.IO.Compression;
using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

/// <summary>The privacy notice from the footer, and a person downloading their data from their account page.</summary>
public class PrivacyJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task AnyoneReadsThePrivacyNotice_FromTheFooter_ThenStaffDownloadTheirData_FromTheirAccount()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Privacy notice" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Privacy notice");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("deleted 12 months after the placement ends");
        await page.AssertAccessibleAsync();

        await page.SignInAsync(Demo.StaffCoventry);
        await page.GotoAsync("/account/profile");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Download your data", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Download your data");
        await page.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download your data (ZIP)" }).ClickAsync());
        Assert.StartsWith("my-data-", download.SuggestedFilename);
        Assert.EndsWith(".zip", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var zip = ZipFile.OpenRead(path!);
        var profile = zip.GetEntry("profile.json");
        Assert.NotNull(profile);
        using var reader = new StreamReader(profile.Open());
        Assert.Contains("Jo Coventry", await reader.ReadToEndAsync());
        Assert.NotNull(zip.GetEntry("bookings.csv"));
    }
}
