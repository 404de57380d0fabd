using LspCapacity.Tests.Pages.Board;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Plan;

/// <summary>The programme plan: the region's activities by theme with their origin, need evidence, budget and status.</summary>
public class PlanTests
{
    private static async Task<string> TextAsync(AppFactory app, string email, string url = "/plan")
    {
        try
        {
            return (await app.CreateClientAs(email).GetDocumentAsync(url)).Body!.TextContent;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(e.Message + string.Join("\n", app.Logs.Failures.Select(f => f.Message)), e);
        }
    }

    /// <summary>A proposal approved by the board (its draft activity made by the decision), endorsed by Coventry.</summary>
    private static async Task<(int Proposal, int Activity)> ApprovedAsync(AppFactory app, string title)
    {
        var proposal = await app.ProposeAsync(Demo.StaffBirmingham, title, ProposalKind.Workshop, HostOffer.Host, Demo.StaffCoventry);
        var meeting = await app.MeetingAsync(-1);
        await app.AddToAgendaAsync(meeting, proposal);
        var response = await app.DecideAsync(meeting, proposal, DecisionOutcome.Approved, "Needed.", "1500");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var activity = await app.WithDbAsync(db => db.Activities.Where(a => a.ProposalId == proposal).Select(a => a.Id).SingleAsync());
        // The demo region has two programmes; the plan reads the latest (the test clock is after both).
        var (programme, _) = await CurrentProgrammeAsync(app);
        await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == proposal).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProgrammeId, programme)));
        return (proposal, activity);
    }

    private static Task<(int Id, DateTime Starts)> CurrentProgrammeAsync(AppFactory app) =>
        app.WithDbAsync(async db =>
        {
            var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
            var programme = await db.Programmes.Where(p => p.RegionId == regionId).OrderByDescending(p => p.StartsOn).FirstAsync();
            return (programme.Id, programme.StartsOn.AddDays(30).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc));
        });

    /// <summary><paramref name="count"/> activities a coordinator made (no proposal), published, in the current programme.</summary>
    private static Task<List<int>> CoordinatorActivitiesAsync(AppFactory app, int count, string title = "Coordinator's seminar") =>
        app.WithDbAsync(async db =>
        {
            var by = await db.Users.SingleAsync(u => u.Email == Demo.StaffBirmingham);
            var (programme, starts) = await CurrentProgrammeAsync(app);
            var themes = await db.Themes.Select(t => t.Id).Take(2).ToListAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var ids = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var seeded = Proposal.Seed(by.RegionId!.Value, programme, by.PartnershipId!.Value, by.Id, ProposalKind.Seminar, $"{title} {i}",
                    "A need.", "", HostOffer.Host, 100m, themes, now);
                db.Proposals.Add(seeded);
                await db.SaveChangesAsync();
                // Only an approved proposal makes a draft: the quickest way to a whole activity, whose proposal is then removed below.
                await db.Proposals.Where(p => p.Id == seeded.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Declined));
                db.ChangeTracker.Clear();
                var proposal = await db.Proposals.Include(p => p.Themes).SingleAsync(p => p.Id == seeded.Id);
                await db.Proposals.Where(p => p.Id == seeded.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Approved));
                db.ChangeTracker.Clear();
                proposal = await db.Proposals.AsNoTracking().Include(p => p.Themes).SingleAsync(p => p.Id == seeded.Id);
                var activity = ProposedActivity.Draft(proposal, now);
                db.Activities.Add(activity);
                await db.SaveChangesAsync();
                ids.Add(activity.Id);
            }
            // Made by hand: no proposal behind them, published, starting in the programme the plan reads.
            await db.Activities.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ProposalId, (int?)null)
                .SetProperty(a => a.Status, ActivityStatus.Published).SetProperty(a => a.StartsAt, starts).SetProperty(a => a.EndsAt, starts.AddHours(2)));
            return ids;
        });

    /// <summary>An approved proposal whose activity was cancelled: listed as not yet an activity.</summary>
    private static async Task<int> WaitingAsync(AppFactory app, string title)
    {
        var (proposal, activity) = await ApprovedAsync(app, title);
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Cancelled)));
        return proposal;
    }

    [Fact]
    public async Task Plan_ShowsActivities_WithTheirOrigin_AndDraftsOnlyToCoordinators()
    {
        await using var app = new AppFactory();
        var (proposal, activity) = await ApprovedAsync(app, "Pooling budgets workshop");
        var coordinators = (await CoordinatorActivitiesAsync(app, 1)).Single();

        var page = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/plan");
        var row = page.QuerySelector($"tr[data-activity='{activity}']");
        Assert.NotNull(row);
        Assert.Contains("Practitioner proposal, approved by the board", row.TextContent);
        Assert.Contains("proposed by Birmingham, endorsed by 1 partnership", row.TextContent);
        Assert.Contains("Draft", row.TextContent);
        Assert.Contains("£1,500.00", row.TextContent); // the approved budget
        Assert.NotNull(row.QuerySelector($"a[href='/proposals/{proposal}']"));
        var mine = page.QuerySelector($"tr[data-activity='{coordinators}']");
        Assert.NotNull(mine);
        Assert.Contains("Coordinator", mine.TextContent);
        Assert.DoesNotContain("Practitioner proposal", mine.TextContent);
        Assert.Contains("Print this page", page.Body!.TextContent);

        // Staff do not see the draft, but do see the published one.
        var staff = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/plan");
        Assert.Null(staff.QuerySelector($"tr[data-activity='{activity}']"));
        Assert.NotNull(staff.QuerySelector($"tr[data-activity='{coordinators}']"));

        // Once published, staff see it with its origin.
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Published)));
        staff = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/plan");
        Assert.Contains("Practitioner proposal, approved by the board", staff.QuerySelector($"tr[data-activity='{activity}']")!.TextContent);
    }

    [Fact]
    public async Task ApprovedProposal_WithoutAnActivity_IsListed()
    {
        await using var app = new AppFactory();
        var (proposal, activity) = await ApprovedAsync(app, "Study visit to Sandwell");
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Cancelled)));
        var page = await app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/plan");
        Assert.Null(page.QuerySelector($"tr[data-activity='{activity}']"));
        Assert.Contains("Study visit to Sandwell", page.QuerySelector($"tr[data-proposal='{proposal}']")!.TextContent);
    }

    [Fact]
    public async Task PlanRow_ShowsItsThemesCoDeliverersAndCost_AndAWaitingProposalItsThemes()
    {
        await using var app = new AppFactory();
        var activity = (await CoordinatorActivitiesAsync(app, 1, "Shared seminar")).Single();
        var (themes, coDeliverers) = await app.WithDbAsync(async db =>
        {
            var loaded = await db.Activities.Include(a => a.Themes).Include(a => a.Costs).Include(a => a.Contributors).SingleAsync(a => a.Id == activity);
            loaded.SetCosts([(CostCategory.Venue, "Hall", 400m), (CostCategory.Travel, null, 80.5m)]);
            var partnerships = await db.Partnerships.Where(p => p.RegionId == loaded.RegionId && p.Name != "Birmingham").OrderBy(p => p.Name).Take(2).ToListAsync();
            foreach (var p in partnerships)
            {
                loaded.AddContributor(new ContributorDetails(p.Id, p.RegionId, ContributorRole.CoDeliverer, null, null, null, "Runs a part."), app.Clock.GetUtcNow().UtcDateTime);
            }
            await db.SaveChangesAsync();
            var themeIds = loaded.Themes.Select(t => t.ThemeId).ToList();
            return (await db.Themes.Where(t => themeIds.Contains(t.Id)).Select(t => t.Name).ToListAsync(), partnerships.Select(p => p.Name).ToList());
        });
        Assert.Equal(2, themes.Count);
        var waiting = await WaitingAsync(app, "Waiting with a theme");
        var waitingThemes = await app.WithDbAsync(db => db.Set<ProposalTheme>().Where(t => t.ProposalId == waiting)
            .Join(db.Themes, t => t.ThemeId, t => t.Id, (_, t) => t.Name).ToListAsync());

        var page = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/plan");
        // Under each of its themes, with both themes' names, its co-deliverers by name in order, and its costs summed.
        foreach (var theme in themes)
        {
            var section = page.QuerySelector($"section[aria-label='{theme}']");
            Assert.NotNull(section);
            var row = section.QuerySelector($"tr[data-activity='{activity}']");
            Assert.NotNull(row);
            Assert.Contains(string.Join(", ", coDeliverers), row.TextContent);
            Assert.Contains("£480.50", row.TextContent);
        }
        var proposalRow = page.QuerySelector($"tr[data-proposal='{waiting}']");
        Assert.NotNull(proposalRow);
        Assert.NotEmpty(waitingThemes);
        Assert.Contains(string.Join(", ", waitingThemes.Order()), proposalRow.TextContent);
    }

    [Fact]
    public async Task AnotherRegionsStaff_SeeTheirOwnRegionsPlan()
    {
        await using var app = new AppFactory();
        await app.AddOtherRegionAsync();
        var (_, activity) = await ApprovedAsync(app, "West Midlands only");
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Published)));
        Assert.Contains("West Midlands only", await TextAsync(app, Demo.StaffCoventry));

        var text = await TextAsync(app, TestData.OtherStaff);
        Assert.Contains("North West", text);
        Assert.DoesNotContain("West Midlands only", text);
        // Asking for another region is ignored for a person of a region.
        var westMidlands = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync());
        Assert.DoesNotContain("West Midlands only", await TextAsync(app, TestData.OtherStaff, $"/plan?region={westMidlands}"));
    }

    [Fact]
    public async Task Plan_RunsTheSameQueries_ForFewAndManyActivities()
    {
        await using var app = new AppFactory();
        await ApprovedAsync(app, "Counted approved");
        await CoordinatorActivitiesAsync(app, 1, "Few");
        await WaitingAsync(app, "Waiting 0");
        async Task<int> CountAsync(string email)
        {
            var client = app.CreateClientAs(email);
            await client.GetDocumentAsync("/plan");
            app.Queries.Reset();
            await client.GetDocumentAsync("/plan");
            Assert.True(app.Queries.Count > 1);
            return app.Queries.Count;
        }
        var coordinator = await CountAsync(Demo.Coordinator);
        var staff = await CountAsync(Demo.StaffCoventry);

        await CoordinatorActivitiesAsync(app, 25, "Many");
        await ApprovedAsync(app, "Counted again");
        for (var i = 1; i <= 3; i++)
        {
            await WaitingAsync(app, $"Waiting {i}");
        }

        Assert.Equal(coordinator, await CountAsync(Demo.Coordinator));
        Assert.Equal(staff, await CountAsync(Demo.StaffCoventry));
    }
}
