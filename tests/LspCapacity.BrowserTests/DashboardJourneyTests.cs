using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class DashboardJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>A submitted baseline in which Birmingham has a high need in the first theme, one of the demo review's focus themes.</summary>
    private async Task AnsweredSurveyAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        var theme = await db.Themes.OrderBy(t => t.Position).FirstAsync();
        var survey = new Survey(await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync(), "Dashboard baseline", SurveyRound.Baseline, null, now);
        var question = survey.AddSection(theme.Name, theme.Id, null).AddQuestion(QuestionKind.Rating, "The board works.", true, null);
        survey.Open(now, now.AddDays(14), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        var person = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
        var response = new SurveyResponse(survey.Id, await db.Partnerships.Where(p => p.Name == "Birmingham").Select(p => p.Id).SingleAsync(), now);
        response.Answer(question, 1, null, null, person, now, survey);
        response.Submit(survey, person, now);
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync();
    }

    [BrowserFact]
    public async Task Coordinator_OpensTheDashboard_AndTheNeedsCoverage()
    {
        await AnsweredSurveyAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(Demo.Coordinator);

        await page.Locator("#navigation").GetByRole(AriaRole.Link, new() { Name = "Programme" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Programme dashboard");
        await page.AssertAccessibleAsync();

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Needs coverage" }).ClickAsync();
        // The demo review of Birmingham (at self-assessment) is focused on the theme, so it covers the need and is listed.
        var birmingham = page.Locator("#needs tbody tr", new() { HasText = "Birmingham" });
        await Assertions.Expect(birmingham.Locator("a[href^='/reviews/']")).ToContainTextAsync("(Self-assessment)");
        await Assertions.Expect(birmingham.Locator("td").Last).ToHaveTextAsync("Covered");
        await page.AssertAccessibleAsync();

        foreach (var url in new[] { "/dashboard/participation", "/dashboard/value", "/dashboard/distance", "/dashboard/report" })
        {
            await page.GotoAsync(url);
            await page.AssertAccessibleAsync();
        }
    }
}
