using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// No N+1: each list page runs the same number of SQL commands whether it shows a few rows or many.
/// Counts, not timings: speed belongs to the benchmark.
/// </summary>
public class QueryCountTests
{
    [Fact]
    public async Task ListPages_RunTheSameQueries_ForFewAndManyRows()
    {
        await using var app = new AppFactory();
        var urls = new[] { "/activities", "/people", "/partnerships", "/outbox" };
        var few = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            few[url] = await app.QueriesForAsync(Demo.Coordinator, url);
        }

        // Many more rows: activities with bookings, people, emails.
        for (var i = 0; i < 15; i++)
        {
            var activity = await app.PublishedActivityAsync(capacity: 5, title: $"Activity {i}");
            await app.BookAsync(Demo.StaffCoventry, activity);
        }
        await app.PeopleAsync(30, "Dudley", "Walsall");
        await app.DeliverOutboxAsync();

        foreach (var url in urls)
        {
            Assert.True(few[url] == await app.QueriesForAsync(Demo.Coordinator, url), $"{url} ran a different number of queries with more rows");
        }
    }

    [Fact]
    public async Task ActivityBookingsPage_RunsTheSameQueries_ForOneOrFortyBookings()
    {
        await using var app = new AppFactory();
        var small = await app.PublishedActivityAsync(capacity: 50, title: "Small");
        await app.BookAsync(Demo.StaffBirmingham, small);
        var big = await app.PublishedActivityAsync(capacity: 50, title: "Big");
        foreach (var person in await app.PeopleAsync(40, "Sandwell", "Solihull"))
        {
            await app.BookAsync(person, big);
        }

        Assert.Equal(
            await app.QueriesForAsync(Demo.Coordinator, $"/activities/{small}/bookings"),
            await app.QueriesForAsync(Demo.Coordinator, $"/activities/{big}/bookings"));
        Assert.Equal(
            await app.QueriesForAsync(Demo.Coordinator, $"/activities/{small}"),
            await app.QueriesForAsync(Demo.Coordinator, $"/activities/{big}"));
    }

    [Fact]
    public async Task StaffPages_RunTheSameQueries_ForFewAndManyBookings()
    {
        await using var app = new AppFactory();
        var first = await app.PublishedActivityAsync(capacity: 50, title: "First");
        await app.BookAsync(Demo.StaffCoventry, first);
        var urls = new[] { "/activities", "/activities?theme=1&placesleft=true&page=50", "/activities?theme=1&past=true&page=50", $"/activities/{first}", "/my/bookings" };
        var few = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            few[url] = await app.QueriesForAsync(Demo.StaffCoventry, url);
        }

        // 30 more activities, all booked by this person, and other people on the first one.
        for (var i = 0; i < 30; i++)
        {
            await app.BookAsync(Demo.StaffCoventry, await app.PublishedActivityAsync(capacity: 50, title: $"Activity {i}"));
        }
        foreach (var person in await app.PeopleAsync(40, "Sandwell", "Solihull"))
        {
            await app.BookAsync(person, first);
        }

        foreach (var url in urls)
        {
            Assert.True(few[url] == await app.QueriesForAsync(Demo.StaffCoventry, url), $"{url} ran a different number of queries with more rows");
        }
    }

    /// <summary>
    /// An activity's page reads the activity with every fact of it the viewer sees in one query, and its lists (themes,
    /// contributors, case studies, the manager's costs, the booking form's projects) in one more: two, whoever looks and
    /// however much the activity holds.
    /// </summary>
    [Fact]
    public async Task ActivityPage_RunsTwoQueries_ForFewAndManyThemesContributorsStudiesCostsAndBookings()
    {
        await using var app = new AppFactory();
        var few = await app.PublishedActivityAsync(capacity: 50, title: "Few");
        await app.BookAsync(Demo.StaffCoventry, few);
        var many = await app.PublishedActivityAsync(capacity: 4, partnershipCap: 2, title: "Many");
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var activity = await db.Activities.Include(a => a.Themes).Include(a => a.Costs).Include(a => a.PriorityPartnerships)
                .SingleAsync(a => a.Id == many);
            activity.SetThemes(await db.Themes.Select(t => t.Id).ToListAsync());
            activity.SetCosts([(CostCategory.Venue, "Hall", 400m), (CostCategory.Speakers, null, 250m), (CostCategory.Travel, "Trains", 80m)]);
            var partnerships = await db.Partnerships.Where(p => p.RegionId == activity.RegionId).OrderBy(p => p.Id).Take(6).ToListAsync();
            foreach (var p in partnerships)
            {
                activity.AddContributor(new ContributorDetails(p.Id, p.RegionId, ContributorRole.CoDeliverer, null, null, null, $"Runs part {p.Id}"), now);
            }
            var author = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => new { u.Id, u.RegionId, u.PartnershipId }).SingleAsync();
            for (var i = 0; i < 5; i++)
            {
                var study = new CaseStudy(author.RegionId!.Value, author.Id, now);
                study.Edit($"What came of it {i}", "Summary.", "Body.", PracticeKind.Partnership, author.PartnershipId, null, null, null, [activity.Themes[0].ThemeId],
                    now, sourceActivityId: many);
                study.Submit(now);
                study.Publish(now);
                db.CaseStudies.Add(study);
            }
            await db.SaveChangesAsync();
        });
        foreach (var person in await app.PeopleAsync(8, "Sandwell", "Solihull"))
        {
            await app.BookAsync(person, many); // four places, then a waiting list
        }
        await app.BookAsync(Demo.StaffCoventry, many); // on the waiting list: its position is counted too

        // Booked on both; the coordinator (who manages: the costs); someone booked on neither (the booking form: the projects).
        // The test sign-in reads the person on every request: a page that reads nothing else counts those alone.
        foreach (var viewer in new[] { Demo.StaffCoventry, Demo.Coordinator, Demo.StaffBirmingham })
        {
            var signIn = await app.QueriesForAsync(viewer, "/accessibility");
            var onFew = await app.QueriesForAsync(viewer, $"/activities/{few}");
            Assert.True(onFew == await app.QueriesForAsync(viewer, $"/activities/{many}"), $"{viewer}: a different number of queries with more of everything");
            Assert.True(onFew - signIn == 2, $"{viewer}: {onFew - signIn} queries besides the sign-in's {signIn}");
        }
    }

    [Fact]
    public async Task BookThenCancel_RunsTheSameQueries_WithOneOrFortyOtherBookings()
    {
        await using var app = new AppFactory();
        var warm = await app.PublishedActivityAsync(capacity: 50, title: "Warm-up");
        var small = await app.PublishedActivityAsync(capacity: 50, title: "Small");
        var big = await app.PublishedActivityAsync(capacity: 50, title: "Big");
        foreach (var person in await app.PeopleAsync(40, "Sandwell", "Solihull"))
        {
            await app.BookAsync(person, big);
        }
        var client = app.CreateClientAs(Demo.StaffCoventry);

        async Task<(int Book, int Cancel)> CycleAsync(int activity)
        {
            var book = await CountedPostAsync(app, client, activity, "Book");
            var cancel = await CountedPostAsync(app, client, activity, "CancelBooking");
            return (book, cancel);
        }

        await CycleAsync(warm); // first-request work is not the page's
        Assert.Equal(await CycleAsync(small), await CycleAsync(big));
    }

    [Fact]
    public async Task BookThenCancel_SavesWithoutSavepoints()
    {
        // A unit of work that fails is rolled back whole and run again, so a savepoint around each save
        // would only add two statements to every save made while the write lock is held.
        await using var app = new AppFactory();
        var activity = await app.PublishedActivityAsync(capacity: 50);
        var client = app.CreateClientAs(Demo.StaffCoventry);

        var book = await CountedPostAsync(app, client, activity, "Book");
        var bookSavepoints = app.Queries.Savepoints;
        var cancel = await CountedPostAsync(app, client, activity, "CancelBooking");

        Assert.True(book > 3 && cancel > 3, $"the counter saw {book} and {cancel} commands");
        Assert.Equal(0, bookSavepoints);
        Assert.Equal(0, app.Queries.Savepoints);
    }

    private static async Task<int> CountedPostAsync(AppFactory app, HttpClient client, int activity, string handler)
    {
        // Cancelling is a second step: its form is on the "Are you sure?" view.
        var page = await client.GetDocumentAsync($"/activities/{activity}{(handler == "CancelBooking" ? "?cancel=true" : "")}");
        app.Queries.Reset();
        var response = await client.SubmitAsync(page, $"/activities/{activity}", new Dictionary<string, string>(), $"form[action*='handler={handler}']");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return app.Queries.Count;
    }

    [Fact]
    public async Task LibrarySearch_RunsTheSameQueries_ForFewAndManyMatches()
    {
        await using var app = new AppFactory();
        const string url = "/library?q=pooled+budgets";
        await PublishCaseStudiesAsync(app, 1);
        var few = await app.QueriesForAsync(Demo.StaffCoventry, url);
        await PublishCaseStudiesAsync(app, 60);
        Assert.Equal(few, await app.QueriesForAsync(Demo.StaffCoventry, url));
        Assert.Equal(await app.QueriesForAsync(Demo.StaffCoventry, "/library?q=pooled+budgets&page=2"), few);
    }

    [Fact]
    public async Task LibraryPages_RunTheSameQueries_ForFewAndManyStudies_AndAVisitorsSecondLookReadsOnlyTheVersions()
    {
        await using var app = new AppFactory();
        await PublishCaseStudiesAsync(app, 1);
        var slug = await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Status == CaseStudyStatus.Published).OrderBy(c => c.Id).Select(c => c.Slug == "" ? c.Id.ToString() : c.Slug).FirstAsync());
        var urls = new[] { "/library", "/library?theme=1", $"/library/{slug}", "/library/feed.xml", "/activities" };
        var few = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            few[url] = await app.QueriesForAsync(Demo.StaffCoventry, url); // signed in: never from the output cache
        }
        await PublishCaseStudiesAsync(app, 60);
        foreach (var url in urls)
        {
            Assert.True(few[url] == await app.QueriesForAsync(Demo.StaffCoventry, url), $"{url} ran a different number of queries with more studies");
        }

        // A visitor's second look at a public page is served from the output cache after one read of the versions.
        var visitor = app.CreateAnonymousClient();
        foreach (var url in new[] { "/library", "/library?q=pooled+budgets", $"/library/{slug}", "/library/feed.xml" })
        {
            await visitor.GetAsync(url);
            app.Queries.Reset();
            var again = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True(1 == app.Queries.Count, $"{url}: a cached look ran {app.Queries.Count} commands");
        }
    }

    private static Task PublishCaseStudiesAsync(AppFactory app, int count) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var author = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => new { u.Id, u.RegionId, u.PartnershipId }).SingleAsync();
        var themes = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).Take(3).ToListAsync();
        for (var i = 0; i < count; i++)
        {
            var study = new CaseStudy(author.RegionId!.Value, author.Id, now);
            study.Edit($"Pooled budgets for worklessness {Guid.NewGuid():N}", "Partners pooled budgets.", "Pooled budgets, one commissioner.",
                PracticeKind.Partnership, author.PartnershipId, null, null, null, themes.Take(1 + i % 3), now);
            study.Submit(now);
            study.Publish(now);
            db.CaseStudies.Add(study);
        }
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task SurveyHeatmap_RunsTheSameQueries_ForOneOrEveryPartnershipsAnswers()
    {
        await using var app = new AppFactory();
        var (few, many) = (await SubmittedSurveyAsync(app, 1), await SubmittedSurveyAsync(app, 38));
        Assert.Equal(
            await app.QueriesForAsync(Demo.Coordinator, $"/needs/surveys/{few}/results"),
            await app.QueriesForAsync(Demo.Coordinator, $"/needs/surveys/{many}/results"));
        Assert.Equal(
            await app.QueriesForAsync(Demo.StaffBirmingham, $"/needs/surveys/{few}/results"),
            await app.QueriesForAsync(Demo.StaffBirmingham, $"/needs/surveys/{many}/results"));
    }

    /// <summary>A survey from the template with every question answered and submitted by <paramref name="partnerships"/> partnerships.</summary>
    private static async Task<int> SubmittedSurveyAsync(AppFactory app, int partnerships)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var region = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
        var survey = await scope.ServiceProvider.GetRequiredService<NeedsTemplate>()
            .CreateSurveyAsync(region, $"Needs {partnerships}", SurveyRound.Baseline, null, now, CancellationToken.None);
        survey.Open(now.AddHours(-1), now.AddDays(30), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        var person = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.Id).SingleAsync();
        var ids = await db.Partnerships.Where(p => p.RegionId == region).OrderBy(p => p.Id).Select(p => p.Id).Take(partnerships).ToListAsync();
        foreach (var (partnership, n) in ids.Select((p, n) => (p, n)))
        {
            var response = new SurveyResponse(survey.Id, partnership, now);
            foreach (var question in survey.Sections.SelectMany(s => s.Questions))
            {
                response.Answer(question, question.Kind == QuestionKind.Rating ? 1 + n % 5 : null,
                    question.Kind == QuestionKind.FreeText ? "Pooled budgets" : null,
                    question.Kind == QuestionKind.MultipleChoice ? [question.Options[0]] : null, person, now, survey);
            }
            response.Submit(survey, person, now);
            db.SurveyResponses.Add(response);
        }
        await db.SaveChangesAsync();
        return survey.Id;
    }
}
