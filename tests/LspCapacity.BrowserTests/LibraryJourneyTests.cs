using System.Text.Json;
using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class LibraryJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Body = """
        Intro paragraph with a [link](https://example.org) and `code`.

        # A top heading

        ## A section

        ### A subsection

        - first point
        - second point

        1. step one
        2. step two

        | Measure | Before | After |
        |---|---|---|
        | Attendance | 12 | 30 |
        """;

    [BrowserFact]
    public async Task CaseStudyMarkdown_IsSetInGovukTypography()
    {
        string slug;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = browser.App.Clock.GetUtcNow().UtcDateTime;
            var author = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
            var item = new CaseStudy(await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync(), author, now);
            item.Edit("Typography", "How it reads.", Body, PracticeKind.Project, null, null, null, null,
                [await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync()], now);
            db.CaseStudies.Add(item);
            await db.SaveChangesAsync();
            item.Submit(now);
            item.Publish(now);
            await db.SaveChangesAsync();
            slug = item.Slug;
        }
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync($"/library/{slug}");

        async Task<(string Font, double Size, string Weight)> StyleAsync(string selector)
        {
            var style = await page.Locator($".app-case-study-body {selector}").First.EvaluateAsync<JsonElement>(
                "e => { const s = getComputedStyle(e); return { font: s.fontFamily, size: parseFloat(s.fontSize), weight: s.fontWeight }; }");
            return (style.GetProperty("font").GetString()!, style.GetProperty("size").GetDouble(), style.GetProperty("weight").GetString()!);
        }
        // GOV.UK at desktop sizes: headings l 36, m 24, s 19 px, bold; body text and lists 19 px; all Arial, never the browser's serif.
        foreach (var (selector, size, bold) in new[] { ("h1", 36.0, true), ("h2", 24.0, true), ("h3", 19.0, true), ("p", 19.0, false), ("ul li", 19.0, false),
                     ("ol li", 19.0, false), ("td", 19.0, false), ("th", 19.0, true) })
        {
            var (font, actual, weight) = await StyleAsync(selector);
            Assert.StartsWith("arial", font, StringComparison.OrdinalIgnoreCase);
            Assert.True(Math.Abs(actual - size) < 0.5, $"{selector}: {actual} px, not {size}");
            Assert.Equal(bold, weight == "700");
        }
        // Lists keep their markers, indented as GOV.UK lists are; links are GOV.UK links.
        Assert.Equal("disc", await page.Locator(".app-case-study-body ul").EvaluateAsync<string>("e => getComputedStyle(e).listStyleType"));
        Assert.Equal("decimal", await page.Locator(".app-case-study-body ol").EvaluateAsync<string>("e => getComputedStyle(e).listStyleType"));
        Assert.Equal("20px", await page.Locator(".app-case-study-body ul").EvaluateAsync<string>("e => getComputedStyle(e).paddingLeft"));
        Assert.Equal("underline", await page.Locator(".app-case-study-body a").EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        Assert.Equal("collapse", await page.Locator(".app-case-study-body table").EvaluateAsync<string>("e => getComputedStyle(e).borderCollapse"));
        await page.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task UploadOverTheRequestLimit_ShowsTheSameErrorAsOneOverFiveMegabytes()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(Demo.StaffCoventry);
        await page.GotoAsync("/library/write");
        await page.GetByLabel("Title").FillAsync("A report with big appendices");
        await page.GetByLabel("Summary").FillAsync("Summary.");
        await page.GetByLabel("The case study").FillAsync("Body.");
        await page.GetByLabel("Process", new() { Exact = true }).CheckAsync();
        await page.Locator("input[name='Input.ThemeIds']").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your draft is saved");

        foreach (var megabytes in new[] { 5.5, 7.0, 40.0 })
        {
            await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
            {
                Name = "appendix.pdf", MimeType = "application/pdf", Buffer = new byte[(int)(megabytes * 1024 * 1024)],
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(CaseStudyAttachment.TooLargeMessage);
            await Assertions.Expect(page.Locator("#Upload-error")).ToContainTextAsync(CaseStudyAttachment.TooLargeMessage);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit your case study");
        }
        await page.AssertAccessibleAsync();
    }
}
