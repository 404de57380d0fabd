using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Projects;

/// <summary>
/// The project list, a project page and the pages that show projects (dashboard, coverage, report, partnership,
/// library results, CSV exports) run the same number of SQL commands for a few projects as for many, each with
/// many updates and many places, placements and case studies linked to it.
/// </summary>
public class ProjectQueryCountTests
{
    [Fact]
    public async Task ProjectPages_RunTheSameQueries_ForFewAndManyProjectsAndLinks()
    {
        await using var app = new AppFactory();
        var birmingham = await app.PartnershipIdAsync("Birmingham");
        var project = await AddProjectsAsync(app, 1, links: 1);
        var urls = new[]
        {
            "/projects", $"/projects/{project}", "/dashboard", "/dashboard/projects", "/dashboard/report", "/needs/coverage",
            "/dashboard/export/projects.csv", "/dashboard/export/project-updates.csv", "/dashboard/export/project-measures.csv",
            $"/partnerships/{birmingham}", "/my/bookings",
        };
        var few = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            few[url] = await app.QueriesForAsync(Demo.Coordinator, url);
        }
        var staffFew = await app.QueriesForAsync(Demo.StaffBirmingham, "/projects");
        var resultsFew = await app.QueriesForAsync(Demo.Coordinator, "/library?results=true");

        await AddProjectsAsync(app, 40, links: 25, onto: project);

        foreach (var url in urls)
        {
            Assert.True(few[url] == await app.QueriesForAsync(Demo.Coordinator, url), $"{url} ran a different number of queries with 40 more projects and their links");
        }
        Assert.Equal(staffFew, await app.QueriesForAsync(Demo.StaffBirmingham, "/projects"));
        Assert.Equal(resultsFew, await app.QueriesForAsync(Demo.Coordinator, "/library?results=true"));
    }

    /// <summary>
    /// The project page reads the project's row (with its results and the names it shows), then every list it shows in
    /// one UNION ALL (ProjectParts): two commands for its partnership's staff and its region's coordinator, whether it has
    /// one measure, three updates and a place or three measures, a dozen milestones, 33 updates with their readings,
    /// documents, 26 places and as many case studies.
    /// </summary>
    [Fact]
    public async Task ProjectPage_RunsTwoCommands_ForFewAndManyUpdatesPlacesAndMeasures()
    {
        await using var app = new AppFactory();
        var project = await AddProjectsAsync(app, 1, links: 1);
        var url = $"/projects/{project}";
        // Signed in through the sign-in page, as in production: the test scheme reads the person afresh on every request.
        var coordinator = await SignedInAsync(app, Demo.Coordinator);
        var staff = await SignedInAsync(app, Demo.StaffBirmingham);
        Assert.Equal(2, await CommandsForAsync(app, coordinator, url));
        Assert.Equal(2, await CommandsForAsync(app, staff, url));

        await AddProjectsAsync(app, 0, links: 25, onto: project);
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var today = Web.Infrastructure.UkTime.Today(app.Clock);
            var p = await db.Projects.Include(x => x.Milestones).Include(x => x.Measures).Include(x => x.Updates).AsSplitQuery().SingleAsync(x => x.Id == project);
            var first = p.Measures[0];
            p.PlanMeasures([new MeasurePlan(first.Id, first.Name, first.Unit, first.BaselineValue, first.BaselineOn, first.TargetValue, first.TargetOn),
                new MeasurePlan(null, "Second", "%", 10, today.AddDays(-100), 50, today.AddDays(100)),
                new MeasurePlan(null, "Third", "days", 30, today.AddDays(-100), 5, today.AddDays(100))], now);
            p.PlanMilestones(Enumerable.Range(0, Project.MaxMilestones).Select(i => new MilestonePlan(null, $"Milestone {i}", today.AddDays(i - 20))), now);
            await db.SaveChangesAsync();
            for (var u = 0; u < 30; u++)
            {
                p.PostUpdate(p.LeadId, (RagStatus)(u % 3 + 1), $"Later update {u}.", u < p.Milestones.Count ? [p.Milestones[u].Id] : [],
                    p.Measures.Select(m => new MeasureReadingInput(m.Id, 15 + u, today.AddDays(-30 + u))), today, now.AddMinutes(u));
            }
            for (var d = 0; d < 3; d++)
            {
                p.AttachEvidence($"evidence-{d}.pdf", "application/pdf", [1, 2, 3], now, d);
            }
            await db.SaveChangesAsync();
        });

        var page = (await staff.GetDocumentAsync(url)).Body!.TextContent;
        Assert.Contains("Later update 29.", page);
        Assert.Contains("Milestones done: Milestone 11", page);
        Assert.Contains("evidence-2.pdf", page);
        Assert.Contains("Practice 24", page);
        Assert.Equal(2, await CommandsForAsync(app, coordinator, url));
        Assert.Equal(2, await CommandsForAsync(app, staff, url));
    }

    private static async Task<HttpClient> SignedInAsync(AppFactory app, string email)
    {
        var client = app.CreateAnonymousClient();
        var signIn = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Demo.Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<int> CommandsForAsync(AppFactory app, HttpClient client, string url)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode); // warm up
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        return app.Queries.Count;
    }

    /// <summary>
    /// <paramref name="count"/> Birmingham projects, each with three updates; every other one closed with public results.
    /// <paramref name="links"/> places on new activities (and as many case studies) are linked to <paramref name="onto"/>
    /// (or the first new project), with the demo placement and review. Returns that project's id.
    /// </summary>
    private static Task<int> AddProjectsAsync(AppFactory app, int count, int links, int? onto = null) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var today = Web.Infrastructure.UkTime.Today(app.Clock);
            var birmingham = await db.Partnerships.Where(p => p.Name == "Birmingham").Select(p => new { p.Id, p.RegionId }).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
            var themes = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).ToListAsync();
            var projects = Enumerable.Range(0, count).Select(i => SupportedProjects.New(db, birmingham.RegionId, birmingham.Id, lead, $"Project {Guid.NewGuid():N}",
                [themes[i % themes.Count], themes[(i + 1) % themes.Count]], now, today, acceptedDaysAgo: 60)).ToList();
            await db.SaveChangesAsync();
            foreach (var (project, i) in projects.Select((p, i) => (p, i)))
            {
                for (var u = 0; u < 3; u++)
                {
                    project.PostUpdate(lead, RagStatus.Amber, $"Update {u}.", [], [new MeasureReadingInput(project.Measures[0].Id, 12 + u, today.AddDays(-30 + u))],
                        today.AddDays(-30 + u), now.AddDays(-30 + u));
                }
                if (i % 2 == 1)
                {
                    project.Close(lead, "What changed.", project.Measures.Select(m => new FinalValueInput(m.Id, 21)), [], "Support.", null, publicConsent: true, now);
                }
            }
            await db.SaveChangesAsync();
            var target = onto is { } id ? await db.Projects.SingleAsync(p => p.Id == id) : projects[0];
            var support = new ProjectForSupport(target.Id, birmingham.Id, target.Title, Accepted: true, Completed: false);
            var people = await db.Users.Where(u => u.PartnershipId == birmingham.Id).Select(u => u.Id).ToListAsync();
            for (var i = 0; i < links; i++)
            {
                var activity = new Activity(birmingham.RegionId, new ActivityDetails(ActivityKind.Seminar, $"Linked {i}", "", now.AddDays(10 + i),
                    now.AddDays(10 + i).AddHours(3), "Somewhere", null, 10, null, now.AddDays(-1), now.AddDays(9 + i), BookingMode.FirstCome,
                    null, null, null), themes.Take(1), now);
                activity.Publish(now);
                activity.Book(people[i % people.Count], birmingham.Id, now).ServeProject(support);
                db.Activities.Add(activity);
                var study = new Web.Domain.Library.CaseStudy(birmingham.RegionId, lead, now);
                study.Edit($"Practice {i}", "Summary.", "Body.", Web.Domain.Library.PracticeKind.Project, birmingham.Id, null, null, null, themes.Take(1), now);
                study.ServeProject(support);
                db.CaseStudies.Add(study);
            }
            foreach (var placement in await db.Placements.Where(p => p.MenteePartnershipId == birmingham.Id).ToListAsync())
            {
                placement.ServeProject(support);
            }
            await db.SaveChangesAsync();
            return target.Id;
        });
}
