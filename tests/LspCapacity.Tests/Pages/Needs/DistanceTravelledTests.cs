using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Needs;

public class DistanceTravelledTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public DistanceTravelledTests(AppFactory app) => _app = app;

    /// <summary>A one-theme survey that Birmingham has answered with <paramref name="rating"/> and submitted.</summary>
    private async Task<int> AnsweredSurveyAsync(SurveyRound round, int? baselineId, int rating)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
        var theme = await db.Themes.OrderBy(t => t.Position).FirstAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var survey = new Survey(regionId, $"{round} survey", round, baselineId, now);
        var section = survey.AddSection(theme.Name, theme.Id, null);
        section.AddQuestion(QuestionKind.Rating, "The board works.", true, null);
        section.AddQuestion(QuestionKind.Rating, "Partners hold each other to account.", true, null);
        survey.Open(now, now.AddDays(10), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        var birmingham = await db.Partnerships.Where(p => p.Name == "Birmingham").Select(p => p.Id).SingleAsync();
        var person = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
        var response = new SurveyResponse(survey.Id, birmingham, now);
        foreach (var question in section.Questions)
        {
            response.Answer(question, rating, null, null, person, now, survey);
        }
        response.Submit(survey, person, now);
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync();
        return survey.Id;
    }

    [Fact]
    public async Task FollowUpResults_ShowTheChangeSinceTheBaseline()
    {
        var baseline = await AnsweredSurveyAsync(SurveyRound.Baseline, null, 2);
        _app.Clock.Advance(TimeSpan.FromMinutes(1)); // the follow-up is the later submission
        var followUp = await AnsweredSurveyAsync(SurveyRound.FollowUp, baseline, 4);

        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/needs/surveys/{followUp}/results");

        var cell = page.QuerySelectorAll(".app-heatmap tbody tr").Single(r => r.TextContent.Contains("Birmingham")).QuerySelector("td")!;
        Assert.Contains("Low (4.0)", cell.TextContent);
        Assert.Contains("+2.0 since baseline", cell.TextContent);

        var birmingham = await _app.PartnershipIdAsync("Birmingham");
        var profile = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync($"/partnerships/{birmingham}");
        Assert.Contains("Change since baseline", profile.QuerySelector("main table thead")!.TextContent);
        Assert.Contains("+2.0", profile.QuerySelector("main table tbody")!.TextContent);
    }

    [Fact]
    public async Task PartnershipProfile_ShowsItsNeeds_OnlyToItsStaffAndCoordinators()
    {
        await AnsweredSurveyAsync(SurveyRound.Baseline, null, 1);
        var birmingham = await _app.PartnershipIdAsync("Birmingham");

        var own = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync($"/partnerships/{birmingham}");
        Assert.Contains("Needs", own.QuerySelector("main")!.TextContent);
        Assert.Contains("High", own.QuerySelector("main table")!.TextContent);
        var coordinator = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/partnerships/{birmingham}");
        Assert.NotNull(coordinator.QuerySelector("main table"));

        var other = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/partnerships/{birmingham}");
        Assert.Null(other.QuerySelector("main table"));
        var mentor = await _app.CreateClientAs(Demo.Mentor).GetDocumentAsync($"/partnerships/{birmingham}");
        Assert.Null(mentor.QuerySelector("main table"));
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.Mentor).GetAsync($"/partnerships/{birmingham}")).StatusCode);
    }
}
