using System.Text.Json;
using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

/// <summary>The dashboard's charts and the needs heatmap, measured as Chromium draws them at a 1280 px wide window.</summary>
public class ChartsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// A submitted survey over every theme in which Birmingham has a high need in each, so the coverage chart has
    /// a theme covered "100% (1 of 1)" (the demo review of Birmingham is focused on the first theme) and the
    /// heatmap is as wide as a real one.
    /// </summary>
    private async Task<int> AnsweredSurveyAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Surveys.Where(s => s.Title == "Chart baseline").Select(s => (int?)s.Id).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        var survey = new Survey(await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync(), "Chart baseline", SurveyRound.Baseline, null, now);
        var questions = (await db.Themes.OrderBy(t => t.Position).ToListAsync())
            .Select(t => survey.AddSection(t.Name, t.Id, null).AddQuestion(QuestionKind.Rating, "The board works.", true, null)).ToList();
        survey.Open(now, now.AddDays(14), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        var person = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
        var response = new SurveyResponse(survey.Id, await db.Partnerships.Where(p => p.Name == "Birmingham").Select(p => p.Id).SingleAsync(), now);
        foreach (var question in questions)
        {
            response.Answer(question, 1, null, null, person, now, survey);
        }
        response.Submit(survey, person, now);
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync();
        return survey.Id;
    }

    /// <param name="Left">Room between the SVG's left edge and the text (negative: cut off).</param>
    /// <param name="Right">Room between the text and the SVG's right edge (negative: cut off).</param>
    /// <param name="Row">The chart and bar it belongs to.</param>
    private sealed record ChartText(string Text, double Size, double Left, double Right, double Start, double End, string Row);

    /// <summary>
    /// Every text of every chart on the page: its size as displayed (the computed font size times the SVG's
    /// scale on screen) and its box relative to the SVG's, so clipping at either edge shows as a negative margin.
    /// </summary>
    private static async Task<IReadOnlyList<ChartText>> ChartTextsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('svg.app-chart__svg')].flatMap((svg, chart) => {
              const box = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('g')].flatMap((g, bar) => [...g.querySelectorAll('text')].map(t => {
                const r = t.getBoundingClientRect();
                return { text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
                         left: r.left - box.left, right: box.right - r.right, start: r.left, end: r.right, row: chart + '-' + bar };
              }));
            })
            """);
        return json.EnumerateArray().Select(e => new ChartText(e.GetProperty("text").GetString()!, e.GetProperty("size").GetDouble(),
            e.GetProperty("left").GetDouble(), e.GetProperty("right").GetDouble(), e.GetProperty("start").GetDouble(),
            e.GetProperty("end").GetDouble(), e.GetProperty("row").GetString()!)).ToList();
    }

    [BrowserFact]
    public async Task Charts_AreLegibleAtTheSizeTheyAreShown_AndNothingIsClipped()
    {
        await AnsweredSurveyAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.SignInAsync(Demo.Coordinator);

        var measured = 0;
        foreach (var url in new[] { "/dashboard", "/needs/coverage", "/dashboard/participation", "/dashboard/value" })
        {
            await page.GotoAsync(url);
            var texts = await ChartTextsAsync(page);
            Assert.True(texts.Count > 0, $"{url}: no chart text to measure");
            foreach (var t in texts)
            {
                Assert.True(t.Size >= 16 - 0.01, $"{url}: \"{t.Text}\" is drawn at {t.Size:0.0} px");
                Assert.True(t.Left >= -0.5 && t.Right >= -0.5, $"{url}: \"{t.Text}\" is cut off ({t.Left:0.0} px left, {t.Right:0.0} px right)");
            }
            // A label and its value share a line and must not run into each other.
            foreach (var row in texts.GroupBy(t => t.Row).Where(g => g.Count() == 2))
            {
                var (label, value) = (row.First(), row.Last());
                Assert.True(label.End <= value.Start + 0.5, $"{url}: \"{label.Text}\" runs into \"{value.Text}\"");
            }
            measured += texts.Count;
            await page.AssertAccessibleAsync();
        }
        Assert.True(measured > 10);

        await page.GotoAsync("/needs/coverage");
        var full = (await ChartTextsAsync(page)).Where(t => t.Text == "100% (1 of 1)").ToList();
        Assert.NotEmpty(full);
        Assert.All(full, t => Assert.True(t.Right >= -0.5, $"\"100% (1 of 1)\" is cut off by {-t.Right:0.0} px"));
    }

    [BrowserFact]
    public async Task Heatmap_KeepsThePartnershipInView_WhenItsTableScrollsSideways_AndACellOpensThatNeedsCoverage()
    {
        var id = await AnsweredSurveyAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.SignInAsync(Demo.Coordinator);
        await page.GotoAsync($"/needs/surveys/{id}/results");

        var region = page.Locator(".app-table-scroll:has(.app-heatmap)");
        var (scrollWidth, clientWidth) = (await region.EvaluateAsync<int>("e => e.scrollWidth"), await region.EvaluateAsync<int>("e => e.clientWidth"));
        Assert.True(scrollWidth > clientWidth, $"the heatmap does not scroll at this width ({scrollWidth} in {clientWidth})");
        await region.EvaluateAsync("e => { e.scrollLeft = e.scrollWidth; }");
        var lefts = await region.EvaluateAsync<JsonElement>("""
            e => ({ region: e.getBoundingClientRect().left, scrolled: e.scrollLeft,
                    names: [...e.querySelectorAll('tr > :first-child')].map(c => c.getBoundingClientRect().left) })
            """);
        Assert.True(lefts.GetProperty("scrolled").GetDouble() > 0);
        var regionLeft = lefts.GetProperty("region").GetDouble();
        Assert.All(lefts.GetProperty("names").EnumerateArray().Select(l => l.GetDouble()),
            left => Assert.InRange(left, regionLeft - 0.5, regionLeft + 0.5));
        // The name stays readable over the cells that scroll beneath it.
        var birmingham = page.Locator(".app-heatmap tbody tr", new() { HasText = "Birmingham" }).Locator("th");
        await Assertions.Expect(birmingham).ToBeVisibleAsync();
        Assert.Equal("rgb(255, 255, 255)", await birmingham.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        await region.EvaluateAsync("e => { e.scrollLeft = 0; }");
        await page.Locator(".app-heatmap tbody tr", new() { HasText = "Birmingham" }).Locator("td a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Needs coverage");
        Assert.Contains("partnership=", page.Url);
        await Assertions.Expect(page.Locator("#needs tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#needs tbody tr th")).ToHaveTextAsync("Birmingham");
    }
}
