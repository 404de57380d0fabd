using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

public class NeedsSurveyJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>A short open survey: two capacity ratings in one theme, then a free-text question.</summary>
    private async Task<int> OpenSurveyAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        var theme = await db.Themes.OrderBy(t => t.Position).FirstAsync();
        var survey = new Survey(await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync(), "Quick needs check", SurveyRound.Baseline, null, now);
        var rated = survey.AddSection(theme.Name, theme.Id, "Rate your partnership's capacity.");
        rated.AddQuestion(QuestionKind.Rating, "The board has clear terms of reference.", true, null);
        rated.AddQuestion(QuestionKind.Rating, "Partners hold each other to account.", true, null);
        survey.AddSection("Priorities and support", null, null)
            .AddQuestion(QuestionKind.FreeText, "What are your top capacity priorities?", true, null);
        survey.Open(now, now.AddDays(14), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return survey.Id;
    }

    [BrowserFact]
    public async Task Staff_CompleteTheSurveyThroughCheckYourAnswers_AndTheCoordinatorSeesItInTheHeatmap()
    {
        var id = await OpenSurveyAsync();
        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(Demo.StaffBirmingham);

        await staff.GetByRole(AriaRole.Link, new() { Name = "Needs analysis" }).First.ClickAsync();
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Quick needs check" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Start the response" }).ClickAsync();
        await staff.AssertAccessibleAsync();

        var first = staff.GetByRole(AriaRole.Group, new() { Name = "The board has clear terms of reference." });
        await first.GetByLabel("2 – early stages").CheckAsync();
        var second = staff.GetByRole(AriaRole.Group, new() { Name = "Partners hold each other to account." });
        await second.GetByLabel("1 – no capacity yet").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await staff.GetByLabel("What are your top capacity priorities?").FillAsync("Performance management across partners");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("Check your answers before submitting");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("2 – early stages");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Submit the response" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".govuk-notification-banner")).ToContainTextAsync("has been submitted");

        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        await coordinator.GotoAsync($"/needs/surveys/{id}/results");
        var birmingham = coordinator.Locator(".app-heatmap tbody tr", new() { HasText = "Birmingham" });
        await Assertions.Expect(birmingham).ToContainTextAsync("High (1.5)");
        await coordinator.AssertAccessibleAsync();
    }
}
