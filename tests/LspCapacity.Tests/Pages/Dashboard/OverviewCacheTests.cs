using System.Text.RegularExpressions;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>
/// The dashboard's overview keeps the figures that move only with the needs and library versions (partnerships, the latest
/// survey and its responses, placements, case studies awaiting moderation, reviews) and reads what changes all day (upcoming places,
/// failed emails) on every request (issue 22). A change made through a second app instance on the same database shows at once
/// on the first instance's dashboard.
/// </summary>
public partial class OverviewCacheTests
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static async Task<Dictionary<string, string>> FiguresAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/dashboard");
        return page.QuerySelectorAll("[id^='figure-']").Where(e => e.Children.Length == 0)
            .ToDictionary(e => e.Id!, e => Spaces().Replace(e.TextContent, " ").Trim());
    }

    /// <summary>The sentence under the survey response rate: "N of M active partnerships have submitted …".</summary>
    private static async Task<string> SurveySentenceAsync(HttpClient client) =>
        Spaces().Replace((await client.GetDocumentAsync("/dashboard")).QuerySelector("#figure-response-rate")!
            .Closest("li")!.QuerySelector("p")!.TextContent, " ").Trim();

    [Fact]
    public async Task ChangesOnAnotherInstance_ShowAtOnce_InTheDashboardsKeptOverview()
    {
        await using var first = new AppFactory();
        var coordinator = first.CreateClientAs(Demo.Coordinator);
        var before = await FiguresAsync(coordinator);
        Assert.Equal(before, await FiguresAsync(coordinator)); // kept: the same figures
        Assert.Equal("No needs survey has been opened yet.", await SurveySentenceAsync(coordinator));

        await using var second = AppFactory.SecondInstanceOf(first);
        var now = second.Clock.GetUtcNow().UtcDateTime;

        // A needs survey opened (needs version): its response rate appears.
        await second.WithDbAsync(async db =>
        {
            var regionId = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.RegionId!.Value).SingleAsync();
            var theme = await db.Themes.Select(t => t.Id).FirstAsync();
            var survey = new Survey(regionId, "Kept overview survey", SurveyRound.Baseline, null, now);
            survey.AddSection("A theme", theme, null).AddQuestion(QuestionKind.Rating, "How strong?", true, null);
            survey.Open(now, now.AddDays(30), now);
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
        });
        var (submitted, partnerships) = Counts(await SurveySentenceAsync(coordinator));
        Assert.Equal(0, submitted);
        Assert.True(partnerships > 0);

        // A case study submitted for moderation (library version).
        await second.WithDbAsync(async db =>
        {
            var author = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => new { u.Id, u.RegionId, u.PartnershipId }).SingleAsync();
            var theme = await db.Themes.Select(t => t.Id).FirstAsync();
            var study = new CaseStudy(author.RegionId!.Value, author.Id, now);
            study.Edit("Kept overview test", "A summary.", "The body.", PracticeKind.Process, author.PartnershipId, null, null, null, [theme], now);
            study.Submit(now);
            db.CaseStudies.Add(study);
            await db.SaveChangesAsync();
        });
        var afterStudy = await FiguresAsync(coordinator);
        Assert.Equal(int.Parse(before["figure-moderation"]) + 1, int.Parse(afterStudy["figure-moderation"]));

        // A placement ended early (needs version): one fewer active.
        await second.WithDbAsync(async db =>
        {
            var regionId = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.RegionId).SingleAsync();
            var placement = await db.Placements.FirstAsync(p => p.RegionId == regionId && p.Status == PlacementStatus.Active
                && p.StartsOn <= DateOnly.FromDateTime(now));
            placement.EndEarly("Ended for the kept overview test.");
            await db.SaveChangesAsync();
        });
        var afterPlacement = await FiguresAsync(coordinator);
        Assert.Equal(int.Parse(before["figure-placements-active"]) - 1, int.Parse(afterPlacement["figure-placements-active"]));

        // A partnership joins the region (needs and reference versions): the survey's rate is out of one more.
        await second.WithDbAsync(async db =>
        {
            var regionId = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.RegionId!.Value).SingleAsync();
            db.Partnerships.Add(new Partnership(regionId, "Kept Overview Partnership", AreaType.District, receivesNrf: false));
            await db.SaveChangesAsync();
        });
        Assert.Equal((submitted, partnerships + 1), Counts(await SurveySentenceAsync(coordinator)));

        // Nothing else moved: the upcoming places (read on every request) are as before.
        var after = await FiguresAsync(coordinator);
        Assert.Equal(before["figure-upcoming"], after["figure-upcoming"]);
        Assert.Equal(before["figure-failed-emails"], after["figure-failed-emails"]);
    }

    private static (int Submitted, int Partnerships) Counts(string sentence)
    {
        var match = Regex.Match(sentence, @"^(\d+) of (\d+) active partnerships");
        Assert.True(match.Success, sentence);
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }
}
