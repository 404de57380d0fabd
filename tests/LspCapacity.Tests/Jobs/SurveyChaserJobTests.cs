using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Jobs;

public sealed class SurveyChaserJobTests : SmtpAppTest
{

    /// <summary>An open survey (one rating question) closing at the end of 23 December 2026, UK time.</summary>
    private async Task<int> OpenSurveyAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var survey = new Survey(regionId, "Winter needs analysis", SurveyRound.Baseline, null, now);
        survey.AddSection("Partnership governance", await db.Themes.Select(t => t.Id).FirstAsync(), null)
            .AddQuestion(QuestionKind.Rating, "The board works.", required: true, help: null);
        survey.Open(now, new DateTime(2026, 12, 24, 0, 0, 0, DateTimeKind.Utc), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return survey.Id;
    }

    private async Task SubmitAsync(int surveyId, string partnership)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var survey = await db.Surveys.Include(s => s.Sections).ThenInclude(s => s.Questions).SingleAsync(s => s.Id == surveyId);
        var partnershipId = await db.Partnerships.Where(p => p.Name == partnership).Select(p => p.Id).SingleAsync();
        var personId = await db.Users.Where(u => u.PartnershipId == partnershipId).Select(u => u.Id).FirstAsync();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var response = new SurveyResponse(surveyId, partnershipId, now);
        response.Answer(survey.Sections[0].Questions[0], 3, null, null, personId, now, survey);
        response.Submit(survey, personId, now);
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync();
    }

    private Task<int> ChaseAsync() => App.RunAsync<SurveyChaserJob, int>(j => j.ChaseAsync());

    [Fact]
    public async Task Chasers_GoAtEachOffset_OncePerPerson_AndNotToPartnershipsThatSubmitted()
    {
        var id = await OpenSurveyAsync();

        Assert.Equal(0, await ChaseAsync()); // a month before closing: nothing due

        App.Clock.Set(new DateTimeOffset(2026, 12, 17, 9, 0, 0, TimeSpan.Zero)); // 7 days before
        Assert.Equal(4, await ChaseAsync()); // the demo staff: Birmingham, Coventry and Wolverhampton's two
        Assert.Equal(0, await ChaseAsync()); // re-run: nothing twice

        await SubmitAsync(id, "Birmingham");
        App.Clock.Set(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.Zero)); // 2 days before
        Assert.Equal(3, await ChaseAsync());
        Assert.Equal(0, await ChaseAsync());

        await App.DeliverOutboxAsync();
        var chasers = Smtp.Received.Where(m => (m.Subject ?? "").StartsWith("Reminder:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, chasers.Count(m => m.To.Mailboxes.Single().Address == Demo.StaffCoventry));
        Assert.Equal(1, chasers.Count(m => m.To.Mailboxes.Single().Address == Demo.StaffBirmingham));
        Assert.Contains("23 December 2026", chasers[0].Subject);
    }

    [Fact]
    public async Task ClosedSurvey_IsNotChased()
    {
        var id = await OpenSurveyAsync();
        await App.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.SingleAsync(s => s.Id == id);
            survey.Close(App.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

        App.Clock.Set(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await ChaseAsync());
    }
}
