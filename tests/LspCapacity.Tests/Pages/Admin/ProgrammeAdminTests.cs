using System.Net;
using System.Text.RegularExpressions;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Admin;

/// <summary>Programme years (issue 21): create, edit, close, start next year; merged partnerships; people deactivated or moved.</summary>
public class ProgrammeAdminTests
{
    private const string Running = "West Midlands LSP Capacity Building Programme 2006–07";

    private static string Text(AngleSharp.Dom.IElement? element) => Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();

    private static Task<int> RegionAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync());

    private static Task<int> ProgrammeAsync(AppFactory app, string name = Running) =>
        app.WithDbAsync(db => db.Programmes.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    private static Dictionary<string, string> Form(string name, string starts = "2008-09-01", string ends = "2009-07-31", string budget = "120000") => new()
    {
        ["Input.Name"] = name,
        ["Input.Aim"] = "Build the capacity of the region's LSPs.",
        ["Input.StartsOn"] = starts,
        ["Input.EndsOn"] = ends,
        ["Input.Budget"] = budget,
        ["Input.Objectives"] = "A needs analysis of every LSP\nPractical results",
    };

    [Fact]
    public async Task Coordinator_AddsAProgramme_AndBadInputIsShownBesideItsField_NeverA500()
    {
        await using var app = new AppFactory();
        var coordinator = app.CreateClientAs(Demo.Coordinator);

        var added = await coordinator.SubmitFormAsync("/admin/programmes/new", Form("West Midlands 2008–09"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var programme = await app.WithDbAsync(db => db.Programmes.Include(p => p.Objectives).AsNoTracking().SingleAsync(p => p.Name == "West Midlands 2008–09"));
        Assert.Equal(await RegionAsync(app), programme.RegionId);
        Assert.Equal((new DateOnly(2008, 9, 1), new DateOnly(2009, 7, 31), 120_000m), (programme.StartsOn, programme.EndsOn, programme.Budget));
        Assert.Equal(["A needs analysis of every LSP", "Practical results"], programme.Objectives.OrderBy(o => o.Position).Select(o => o.Text));
        Assert.NotEmpty(programme.ThemeIds); // every active theme, ticked by default
        Assert.NotEmpty(programme.PartnershipIds);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "programme.created" && a.EntityId == programme.Id.ToString())));

        foreach (var (form, field, message) in new[]
                 {
                     (Form("Ends early", starts: "2009-09-01", ends: "2009-08-31"), "Input.EndsOn", "The end date must be the same as or after the start date"),
                     (Form("Negative", budget: "-5"), "Input.Budget", "The budget must be between £0 and £1,000,000,000"),
                     (Form("Not a number", budget: "lots"), "Input.Budget", "'lots' is not a valid value for budget"),
                     (Form("West Midlands 2008–09"), "Input.Name", "The region already has a programme with this name"),
                     (Form(""), "Input.Name", "Enter the programme's name"),
                 })
        {
            var response = await coordinator.SubmitFormAsync("/admin/programmes/new", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ParseAsync();
            Assert.Contains(message, Text(page.QuerySelector(".govuk-error-summary")));
            Assert.NotNull(page.QuerySelector($".govuk-error-summary a[href^='#{field.Replace('.', '_')}']"));
            Assert.Equal(form["Input.Name"], page.QuerySelector("#Input_Name")?.GetAttribute("value") ?? ""); // what was typed is kept
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Programmes.CountAsync(p => p.Name.StartsWith("West Midlands 2008"))));
    }

    [Fact]
    public async Task Coordinator_EditsTheProgramme_AnotherRegionsCoordinatorMayNot()
    {
        await using var app = new AppFactory();
        await app.AddOtherRegionAsync();
        var id = await ProgrammeAsync(app);
        var url = $"/admin/programmes/{id}";

        var saved = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Budget"] = "260000", ["Input.Objectives"] = "One objective",
        }, button: "Save changes");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Text((await saved.ParseAsync()).QuerySelector(".govuk-error-summary")));
        var programme = await app.WithDbAsync(db => db.Programmes.Include(p => p.Objectives).AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(260_000m, programme.Budget);
        Assert.Equal(["One objective"], programme.Objectives.Select(o => o.Text));

        var bad = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.StartsOn"] = "2007-09-01", ["Input.EndsOn"] = "2007-01-01",
        }, button: "Save changes");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("The end date must be the same as or after the start date", Text((await bad.ParseAsync()).QuerySelector(".govuk-error-summary")));

        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(TestData.OtherCoordinator).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ClosedProgramme_RefusesChangesAndNewSurveysActivitiesAndProjects_ButItsReportStaysReadable()
    {
        await using var app = new AppFactory();
        var id = await ProgrammeAsync(app);
        var regionId = await RegionAsync(app);
        var coordinator = app.CreateClientAs(Demo.Coordinator);

        var closed = await coordinator.SubmitFormAsync($"/admin/programmes/{id}", new Dictionary<string, string>(), button: "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.ClosedAt != null).SingleAsync()));

        // A new survey of the region's running (latest) programme, through its page: refused beside the form, nothing saved.
        var before = await app.WithDbAsync(db => db.Surveys.CountAsync());
        var survey = await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Needs analysis 2026", ["Input.Round"] = "Baseline",
        });
        Assert.Equal(HttpStatusCode.OK, survey.StatusCode);
        Assert.Contains($"{Running} is closed", Text((await survey.ParseAsync()).QuerySelector(".govuk-error-summary")));
        Assert.Equal(before, await app.WithDbAsync(db => db.Surveys.CountAsync()));

        // The same rule for any write, in one place (the save), whichever page or job makes it.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var refusal = await Assert.ThrowsAsync<DomainException>(() => app.WithDbAsync(async db =>
        {
            db.Surveys.Add(new Survey(regionId, "Made elsewhere", SurveyRound.Baseline, null, now));
            await db.SaveChangesAsync();
        }));
        Assert.Contains("Start next year's programme first", refusal.Message);
        var birmingham = await app.PartnershipIdAsync("Birmingham");
        await Assert.ThrowsAsync<DomainException>(() => app.WithDbAsync(async db =>
        {
            db.Projects.Add(new LspCapacity.Web.Domain.Projects.Project(regionId, birmingham, await app.UserIdAsync(Demo.StaffBirmingham), now));
            await db.SaveChangesAsync();
        }));
        var activity = await coordinator.GetAsync("/activities/create");
        Assert.Equal(HttpStatusCode.OK, activity.StatusCode);

        // Edits are refused too, and the page no longer offers them.
        var page = await coordinator.GetDocumentAsync($"/admin/programmes/{id}");
        Assert.Contains("this programme is read-only", Text(page.QuerySelector("main")));
        Assert.DoesNotContain(page.QuerySelectorAll("main button"), b => b.TextContent.Contains("Save changes"));

        // Its end-of-programme report stays.
        var report = await coordinator.GetDocumentAsync($"/dashboard/report?programme={id}");
        Assert.Contains(Running, Text(report.QuerySelector("#programme-shown")));
        Assert.Contains("(closed)", Text(report.QuerySelector("#programme-shown")));
    }

    [Fact]
    public async Task StartNextYear_CopiesObjectivesThemesAndPartnerships_AndOffersTheLastFollowUpAsTheBaseline()
    {
        await using var app = new AppFactory();
        var id = await ProgrammeAsync(app);
        var regionId = await RegionAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (retired, followUpId, walsall, wolverhampton, solihull) = await app.WithDbAsync(async db =>
        {
            // Since the programme began: a theme retired, Walsall merged into Wolverhampton, Solihull deactivated.
            var theme = await db.Themes.OrderBy(t => t.Position).FirstAsync();
            theme.Retire();
            var partnerships = await db.Partnerships.Where(p => p.RegionId == regionId).ToDictionaryAsync(p => p.Name);
            partnerships["Walsall"].MergeInto(partnerships["Wolverhampton"]);
            partnerships["Solihull"].Deactivate();
            var baseline = new Survey(regionId, "Needs analysis 2006", SurveyRound.Baseline, null, now);
            db.Surveys.Add(baseline);
            await db.SaveChangesAsync();
            var followUp = new Survey(regionId, "Needs analysis 2007", SurveyRound.FollowUp, baseline.Id, now);
            followUp.AddSection("Governance", theme.Id, null).AddQuestion(QuestionKind.Rating, "How well does the board work?", true, null);
            followUp.Open(now.AddDays(-1), now.AddDays(10), now);
            db.Surveys.Add(followUp);
            await db.SaveChangesAsync();
            return (theme.Id, followUp.Id, partnerships["Walsall"].Id, partnerships["Wolverhampton"].Id, partnerships["Solihull"].Id);
        });
        var last = await app.WithDbAsync(db => db.Programmes.Include(p => p.Objectives).AsNoTracking().SingleAsync(p => p.Id == id));

        var coordinator = app.CreateClientAs(Demo.Coordinator);
        var form = await coordinator.GetDocumentAsync($"/admin/programmes/{id}");
        Assert.Equal("West Midlands LSP Capacity Building Programme 2007–08", form.QuerySelector("#Next_Name")?.GetAttribute("value"));
        Assert.Contains("Use Needs analysis 2007 (the last follow-up survey) as the new baseline", Text(form.QuerySelector("main")));
        var started = await coordinator.SubmitAsync(form, $"/admin/programmes/{id}", new Dictionary<string, string>(),
            button: "Start next year's programme");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var next = await app.WithDbAsync(db => db.Programmes.Include(p => p.Objectives).AsNoTracking()
            .SingleAsync(p => p.Name == "West Midlands LSP Capacity Building Programme 2007–08"));
        Assert.Equal($"/admin/programmes/{next.Id}", started.Headers.Location?.OriginalString);
        Assert.Equal((last.StartsOn.AddYears(1), last.EndsOn.AddYears(1)), (next.StartsOn, next.EndsOn));
        Assert.Equal((last.Aim, last.Budget), (next.Aim, next.Budget));
        Assert.Equal(last.Objectives.OrderBy(o => o.Position).Select(o => o.Text), next.Objectives.OrderBy(o => o.Position).Select(o => o.Text));
        Assert.Equal(last.ThemeIds.Where(t => t != retired), next.ThemeIds);
        Assert.Contains(wolverhampton, next.PartnershipIds);
        Assert.DoesNotContain(walsall, next.PartnershipIds);
        Assert.DoesNotContain(solihull, next.PartnershipIds);
        Assert.Equal(last.PartnershipIds.Count - 2, next.PartnershipIds.Count);
        Assert.Equal(followUpId, next.BaselineSurveyId);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "programme.started-next" && a.EntityId == next.Id.ToString())));

        // The new survey page offers the previous follow-up as the baseline to compare with.
        var create = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/needs/surveys/create");
        Assert.Contains(create.QuerySelectorAll("#Input_BaselineSurveyId option"), o => o.GetAttribute("value") == followUpId.ToString() && o.HasAttribute("selected"));
    }

    [Fact]
    public async Task MergedPartnership_HistoryShowsUnderTheSurvivor_AndItsFiguresAddUp()
    {
        await using var app = new AppFactory();
        var regionId = await RegionAsync(app);
        var birmingham = await app.PartnershipIdAsync("Birmingham");
        var coventry = await app.PartnershipIdAsync("Coventry");
        var before = (await app.WithDbAsync(db => LspCapacity.Web.Pages.Dashboard.DashboardQueries.ParticipationAsync(db, regionId, CancellationToken.None)))
            .Rows.ToDictionary(r => r.PartnershipId);
        var birminghamProjects = await app.WithDbAsync(db => db.Projects.Where(p => p.PartnershipId == birmingham).Select(p => p.Title).ToListAsync());
        Assert.NotEmpty(birminghamProjects);

        var merged = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/partnerships/{birmingham}",
            new Dictionary<string, string> { ["SurvivorId"] = coventry.ToString() }, button: "Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/partnerships/{coventry}", merged.Headers.Location?.OriginalString);

        // History rows keep their ids; the survivor's page shows them.
        Assert.Equal(birminghamProjects.Count, await app.WithDbAsync(db => db.Projects.CountAsync(p => p.PartnershipId == birmingham)));
        var page = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/partnerships/{coventry}");
        var main = Text(page.QuerySelector("main"));
        Assert.Contains("Includes the history of a partnership merged into it: Birmingham", main);
        Assert.All(birminghamProjects, title => Assert.Contains(title, main));
        var old = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/partnerships/{birmingham}");
        Assert.Contains("Merged into Coventry", Text(old.QuerySelector("main")));

        // The figures add up: Coventry now counts Birmingham's participation; Birmingham is no longer a row (or a choice).
        var after = (await app.WithDbAsync(db => LspCapacity.Web.Pages.Dashboard.DashboardQueries.ParticipationAsync(db, regionId, CancellationToken.None)))
            .Rows.ToDictionary(r => r.PartnershipId);
        Assert.False(after.ContainsKey(birmingham));
        Assert.Equal(before[birmingham].Booked + before[coventry].Booked, after[coventry].Booked);
        Assert.Equal(before[birmingham].Attended + before[coventry].Attended, after[coventry].Attended);
        Assert.Equal(before[birmingham].Placements + before[coventry].Placements, after[coventry].Placements);
        Assert.Equal(before[birmingham].Reviews + before[coventry].Reviews, after[coventry].Reviews);
        Assert.Equal(before.Values.Sum(r => r.Booked), after.Values.Sum(r => r.Booked));
        var invite = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/people/invite");
        Assert.DoesNotContain(invite.QuerySelectorAll("#Input_PartnershipId option"), o => o.GetAttribute("value") == birmingham.ToString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "partnership.merged" && a.EntityId == birmingham.ToString())));
    }

    [Fact]
    public async Task DeactivatedPerson_CannotSignIn_AndGetsNoEmail_EvenOneQueuedBefore()
    {
        await using var app = new AppFactory();
        var id = await app.UserIdAsync(Demo.StaffCoventry);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LspCapacity.Web.Data.AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<Outbox>().QueueAsync(db, "test:before-deactivation", Demo.StaffCoventry, "Jo Coventry",
                "password-changed", new Dictionary<string, string?> { ["ChangedAt"] = "25 November 2026 at 10:00" });
            await db.SaveChangesAsync();
        }

        var deactivated = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/people/{id}", new Dictionary<string, string>(), button: "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        var signIn = await app.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.StaffCoventry, ["Input.Password"] = Demo.Password,
        });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again, not a redirect into the service
        Assert.NotNull((await signIn.ParseAsync()).QuerySelector(".govuk-error-summary"));

        Assert.Empty(await app.DeliveredToAsync(Demo.StaffCoventry));
        var held = Assert.Single(await app.OutboxAsync(), m => m.DeduplicationKey == "test:before-deactivation");
        Assert.Equal(OutboxStatus.Withheld, held.Status);
    }

    [Fact]
    public async Task ChangingAPersonsPartnershipOrRole_IsAudited_AndTheNationalRoleHasNoRegion()
    {
        await using var app = new AppFactory();
        var coventry = await app.UserIdAsync(Demo.StaffCoventry);
        var birmingham = await app.PartnershipIdAsync("Birmingham");

        var moved = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/people/{coventry}", new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.LspStaff, ["Input.PartnershipId"] = birmingham.ToString(),
        }, button: "Change role");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(birmingham, await app.WithDbAsync(db => db.Users.Where(u => u.Id == coventry).Select(u => u.PartnershipId).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.partnership-changed" && a.EntityId == coventry)));

        // A coordinator may not make anyone national; an admin may, and the person leaves their region.
        var mentor = await app.UserIdAsync(Demo.Mentor);
        var refused = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/people/{mentor}", new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.National,
        }, button: "Change role");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Select a role you may give", Text((await refused.ParseAsync()).QuerySelector(".govuk-error-summary")));

        var national = await app.CreateClientAs(Demo.Admin).SubmitFormAsync($"/people/{mentor}", new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.National,
        }, button: "Change role");
        Assert.Equal(HttpStatusCode.Redirect, national.StatusCode);
        var person = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == mentor));
        Assert.Equal((Roles.National, (int?)null), (person.Role, person.RegionId));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.role-changed" && a.EntityId == mentor)));
    }

    [Fact]
    public async Task Admin_AddsARegionAndATheme_RenamesAndRetiresIt_AndTheCachedThemeListSeesItAtOnce()
    {
        await using var app = new AppFactory();
        var admin = app.CreateClientAs(Demo.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/admin/regions", new Dictionary<string, string>
        {
            ["Input.Name"] = "North East", ["Input.Code"] = "north east", ["Input.NameInSentence"] = "the North East",
        })).StatusCode);
        Assert.Equal("north-east", await app.WithDbAsync(db => db.Regions.Where(r => r.Name == "North East").Select(r => r.Code).SingleAsync()));
        var duplicate = await admin.SubmitFormAsync("/admin/regions", new Dictionary<string, string> { ["Input.Name"] = "Again", ["Input.Code"] = "north-east" });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);

        // Read the cached themes once, so the change must reach the cache through the data version.
        var reference = app.Services.GetRequiredService<LspCapacity.Web.Infrastructure.ReferenceData>();
        var cached = await app.WithDbAsync(db => reference.ThemesAsync(db, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/admin/themes", new Dictionary<string, string>
        {
            ["Input.Name"] = "Climate and place", ["Input.Description"] = "Carbon and local places",
        })).StatusCode);
        var themeId = await app.WithDbAsync(db => db.Themes.Where(t => t.Name == "Climate and place").Select(t => t.Id).SingleAsync());
        Assert.Equal(cached.Count + 1, (await app.WithDbAsync(db => reference.ThemesAsync(db, CancellationToken.None))).Count);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/admin/themes/{themeId}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Climate, carbon and place",
        }, button: "Save changes")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/admin/themes/{themeId}", new Dictionary<string, string>(), button: "Retire")).StatusCode);
        var theme = Assert.Single(await app.WithDbAsync(db => reference.ThemesAsync(db, CancellationToken.None)), t => t.Id == themeId);
        Assert.Equal(("Climate, carbon and place", false), (theme.Name, theme.IsActive));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "theme.retired" && a.EntityId == themeId.ToString())));

        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(Demo.Coordinator).GetAsync("/admin/themes")).StatusCode);
    }
}
