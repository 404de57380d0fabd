using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>
/// The dashboard pages aggregate in SQL: the same number of commands for the 38 seeded partnerships,
/// a handful of activities and the one demo review as for 360 partnerships, 2,000 activities and 200 reviews.
/// </summary>
public class DashboardQueryCountTests
{
    private static readonly string[] Urls =
    [
        "/dashboard", "/dashboard/participation", "/dashboard/participation?sort=hours&dir=asc&page=3", "/dashboard/value", "/dashboard/value?page=7",
        "/dashboard/distance", "/needs/coverage", "/needs/coverage?page=5", "/dashboard/report",
        "/dashboard/export/participation.csv", "/dashboard/export/coverage.csv", "/dashboard/export/value.csv",
    ];

    /// <summary>
    /// The commands of a first look (the cached figures worked out, as after any change to the data) and of a second (served from
    /// the cache): neither may grow with the data.
    /// </summary>
    private static async Task<(int First, int Second)> QueriesForAsync(AppFactory app, string url)
    {
        var client = app.CreateClientAs(Demo.Coordinator);
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        var first = app.Queries.Count;
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        Assert.True(app.Queries.Count >= 1, $"{url}: the counter saw {app.Queries.Count} commands");
        return (first, app.Queries.Count);
    }

    [Fact]
    public async Task DashboardPages_RunTheSameQueries_ForFewAndManyPartnershipsAndActivities()
    {
        await using var app = new AppFactory();
        var (regionId, surveys) = await SurveysAsync(app);
        var seeded = await app.WithDbAsync(db => db.Partnerships.Where(p => p.RegionId == regionId).Select(p => p.Id).ToListAsync());
        await RespondAsync(app, surveys, seeded.Take(2).ToList());
        await ActivitiesAsync(app, regionId, 3, seeded.Take(2).ToList());
        await PlacementsAsync(app, regionId, 1, seeded.Take(1).ToList());
        var few = new Dictionary<string, (int First, int Second)>();
        foreach (var url in Urls)
        {
            few[url] = await QueriesForAsync(app, url);
        }
        // The dashboard's second look: the data versions and one query for every figure that changes with each booking (the
        // rest is kept per version); beyond what the test scheme's sign-in reads on every request.
        var signIn = (await QueriesForAsync(app, "/accessibility")).Second;
        Assert.Equal(2, few["/dashboard"].Second - signIn);

        var added = await app.WithDbAsync(async db =>
        {
            var partnerships = Enumerable.Range(0, 360 - seeded.Count).Select(i => new Partnership(regionId, $"Partnership {i:000}", AreaType.District, false)).ToList();
            db.Partnerships.AddRange(partnerships);
            await db.SaveChangesAsync();
            return partnerships.Select(p => p.Id).ToList();
        });
        var all = seeded.Concat(added).ToList();
        Assert.Equal(360, all.Count);
        await RespondAsync(app, surveys, all.Skip(2).ToList());
        await ActivitiesAsync(app, regionId, 2000, all);
        await PlacementsAsync(app, regionId, 120, all);
        await ReviewsAsync(app, regionId, 200, all);

        foreach (var url in Urls)
        {
            var many = await QueriesForAsync(app, url);
            Assert.True(few[url] == many, $"{url} ran a different number of queries with 360 partnerships, 2,000 activities and 200 reviews: {few[url]} then {many} (first look, second look)");
        }
    }

    /// <summary>A baseline and a follow-up on the first two themes, one rating question each.</summary>
    private static async Task<(int RegionId, (Survey Survey, List<Question> Questions)[] Surveys)> SurveysAsync(AppFactory app) =>
        await app.WithDbAsync(async db =>
        {
            var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
            var themes = await db.Themes.OrderBy(t => t.Position).Take(2).Select(t => t.Id).ToListAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var result = new List<(Survey, List<Question>)>();
            int? baseline = null;
            foreach (var round in new[] { SurveyRound.Baseline, SurveyRound.FollowUp })
            {
                var survey = new Survey(regionId, round.ToString(), round, baseline, now.AddMinutes(result.Count));
                var questions = themes.Select(t => survey.AddSection($"Theme {t}", t, null).AddQuestion(QuestionKind.Rating, "How strong?", true, null)).ToList();
                survey.Open(now, now.AddDays(30), now);
                db.Surveys.Add(survey);
                await db.SaveChangesAsync();
                baseline = survey.Id;
                result.Add((survey, questions));
            }
            return (regionId, result.ToArray());
        });

    private static Task RespondAsync(AppFactory app, (Survey Survey, List<Question> Questions)[] surveys, List<int> partnerships) =>
        app.WithDbAsync(async db =>
        {
            var person = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var (survey, questions) in surveys)
            {
                foreach (var (partnership, i) in partnerships.Select((p, i) => (p, i)))
                {
                    var response = new SurveyResponse(survey.Id, partnership, now);
                    foreach (var question in questions)
                    {
                        response.Answer(question, 1 + (i + survey.Id) % 3, null, null, person, now, survey);
                    }
                    response.Submit(survey, person, now);
                    db.SurveyResponses.Add(response);
                }
            }
            await db.SaveChangesAsync();
        });

    /// <summary>Completed activities with a cost, an attended place and feedback, plus as many upcoming ones.</summary>
    private static Task ActivitiesAsync(AppFactory app, int regionId, int count, List<int> partnerships) =>
        app.WithDbAsync(async db =>
        {
            var person = await db.Users.Where(u => u.Email == Demo.StaffCoventry).Select(u => u.Id).SingleAsync();
            var themes = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).ToListAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var bookings = new List<Booking>();
            for (var i = 0; i < count; i++)
            {
                var past = i % 2 == 0;
                var start = past ? now.AddDays(-10) : now.AddDays(20);
                var opens = start.AddDays(-20);
                var activity = new Activity(regionId, new ActivityDetails((ActivityKind)(1 + i % 4), $"Activity {i}", "", start, start.AddHours(3), "Hall",
                    partnerships[i % partnerships.Count], 20, null, opens, start, BookingMode.FirstCome, null, null, null), [themes[i % themes.Count]], opens);
                activity.SetCosts([(CostCategory.Venue, null, 100m + i)]);
                activity.Publish(opens);
                var booking = activity.Book(person, partnerships[(i * 7) % partnerships.Count], opens.AddDays(1));
                if (past)
                {
                    activity.RecordAttendance(booking, Attendance.Attended, start.AddHours(1));
                    activity.Complete(start.AddHours(4));
                    bookings.Add(booking);
                }
                db.Activities.Add(activity);
            }
            await db.SaveChangesAsync();
            db.Feedback.AddRange(bookings.Select(b => new Feedback(b.Id, 4, 5, "Lots.", null, now)));
            await db.SaveChangesAsync();
        });

    /// <summary>Reviews at every stage up to self-assessment, each focused on two themes, spread over the partnerships.</summary>
    private static Task ReviewsAsync(AppFactory app, int regionId, int count, List<int> partnerships) =>
        app.WithDbAsync(async db =>
        {
            var mentor = await db.Users.Where(u => u.Email == Demo.Mentor).Select(u => new { u.Id, u.PartnershipId }).SingleAsync();
            var peer = await db.Users.Where(u => u.Email == Demo.StaffCoventry).Select(u => new { u.Id, u.PartnershipId }).SingleAsync();
            var themes = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).ToListAsync();
            var today = LspCapacity.Web.Infrastructure.UkTime.Today(app.Clock);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var hosts = partnerships.Where(p => p != mentor.PartnershipId && p != peer.PartnershipId).ToList();
            for (var i = 0; i < count; i++)
            {
                var review = new PeerReview(regionId, hosts[(i * 5) % hosts.Count], [themes[i % themes.Count], themes[(i + 1) % themes.Count]], null,
                    today, today.AddDays(10), today.AddDays(20), today.AddDays(21), today, now);
                review.AddMember(ReviewActor.Coordinator, mentor.Id, mentor.PartnershipId, TeamRole.Lead);
                review.AddMember(ReviewActor.Coordinator, peer.Id, peer.PartnershipId, TeamRole.Peer);
                if (i % 2 == 0)
                {
                    review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, mentor.Id, today, now);
                }
                db.PeerReviews.Add(review);
            }
            await db.SaveChangesAsync();
        });

    private static async Task PlacementsAsync(AppFactory app, int regionId, int count, List<int> partnerships)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mentor = await db.Users.Where(u => u.Email == Demo.Mentor).Select(u => u.Id).SingleAsync();
        var mentee = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
        var themes = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).ToListAsync();
        var today = LspCapacity.Web.Infrastructure.UkTime.Today(app.Clock);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var placement = new Placement(regionId, PlacementKind.Coaching, mentor, mentee, partnerships[(i * 3) % partnerships.Count], "Goals.",
                today.AddDays(-40), today.AddDays(40), [themes[i % themes.Count]], null, null, null);
            placement.LogSession(mentor, today.AddDays(-i % 40), 60, SessionMode.Video, "Talked.", null, null, today, now);
            db.Placements.Add(placement);
        }
        await db.SaveChangesAsync();
    }
}
