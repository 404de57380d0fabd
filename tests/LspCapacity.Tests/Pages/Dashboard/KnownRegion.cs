using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>
/// A small North West data set whose every dashboard figure is worked out by hand (see the comments),
/// beside the West Midlands demo data that its coordinator must never see.
///
/// Partnerships: Knowsley, Liverpool, Sefton (3 active). Themes A and B are the first two themes.
/// Needs (2 rating questions per theme):
///   baseline   Knowsley A (1,1)=1.0 B (4,4)=4.0   Liverpool A (2,2)=2.0 B (3,3)=3.0
///   follow-up  Knowsley A (2,3)=2.5 B (4,5)=4.5   Liverpool A (4,5)=4.5 B (2,1)=1.5
///   → high needs now: Knowsley×A (2.5), Liverpool×B (1.5); distance A +1.5/+2.5 (mean +2.0), B +0.5/−1.5 (mean −0.5).
/// Activities: X1 seminar, theme A, hosted by Knowsley, capacity 10, costs £600 + £400, completed: 3 Knowsley
///   attended, 1 Liverpool no-show; feedback (5,4) and (3,4) → £333.33 per attended place, rating 4.0.
///   X2 workshop, theme B, capacity 8, £500, upcoming: 2 Liverpool confirmed → fill rate 25%.
///   X3 draft (£9,999) and X4 cancelled (£700) count nowhere.
/// Placement: Liverpool mentee, theme A, mentor from Sefton, one 90-minute session 60 days ago → quiet.
/// Case studies: Knowsley published 1; 1 submitted awaiting moderation. One failed email.
/// Peer reviews (the test clock's today is 25 November 2026):
///   R1 of Sefton, focus theme B, team lead k1 (Knowsley) + peer l1 (Liverpool), moved on to self-assessment,
///      on site 4 January 2027 → addresses no known need (Sefton has no answers).
///   R2 of Knowsley, focus themes A and B, still at scoping, on site 14 January 2027 → Knowsley×A has a review too.
///   → by stage: scoping 1, self-assessment 1, every other stage 0 (the West Midlands demo review of Birmingham,
///     also at self-assessment, must not make it 2); 2 reviews in all.
///   → coverage: Knowsley×A covered (X1 attended, R2); Liverpool×B addressed by nothing: 1 of 2 (50%), Liverpool first.
///   → engagements (attended + placements + reviews hosted): Knowsley 3 + 0 + 1 = 4; Liverpool 0 + 1 + 0 = 1, low
///     participation (fewer than 2) with a high need, so flagged: 1 flagged; Sefton 0 + 0 + 1 = 1 (low participation,
///     but no known need so never flagged); all three took part.
/// </summary>
public sealed class KnownRegion : AppFactory, IAsyncLifetime
{
    public const string Coordinator = TestData.OtherCoordinator;
    public const string X1 = "Performance clinic";
    public const string X2 = "Commissioning workshop";

    public int RegionId { get; private set; }
    public int Knowsley { get; private set; }
    public int Liverpool { get; private set; }
    public int Sefton { get; private set; }
    public int ThemeA { get; private set; }
    public int ThemeB { get; private set; }
    public string ThemeAName { get; private set; } = "";
    public string ThemeBName { get; private set; } = "";
    public int X1Id { get; private set; }
    public int X2Id { get; private set; }
    public int SeftonReviewId { get; private set; }
    public int KnowsleyReviewId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        (RegionId, Knowsley) = await this.AddOtherRegionAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var today = LspCapacity.Web.Infrastructure.UkTime.Today(Clock);

        var liverpool = new Partnership(RegionId, "Liverpool", AreaType.Metropolitan, true);
        var sefton = new Partnership(RegionId, "Sefton", AreaType.Metropolitan, false);
        db.Partnerships.AddRange(liverpool, sefton);
        var programme = new Programme(RegionId, "North West programme", "Capacity for the North West.", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31), 50000m);
        programme.AddObjective("Carry out a systematic needs analysis of all LSPs in the region.");
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        (Liverpool, Sefton) = (liverpool.Id, sefton.Id);
        var themes = await db.Themes.OrderBy(t => t.Position).Take(2).ToListAsync();
        (ThemeA, ThemeB, ThemeAName, ThemeBName) = (themes[0].Id, themes[1].Id, themes[0].Name, themes[1].Name);

        async Task<string> Person(string email, string role, int? partnershipId)
        {
            var user = new AppUser
            {
                UserName = email, Email = email, DisplayName = email, Role = role, RegionId = RegionId, PartnershipId = partnershipId,
            };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            await users.AddToRoleAsync(user, role);
            return user.Id;
        }
        var k = new[] { await Person("k1@nw.example", Roles.LspStaff, Knowsley), await Person("k2@nw.example", Roles.LspStaff, Knowsley), await Person("k3@nw.example", Roles.LspStaff, Knowsley) };
        var l = new[] { await Person("l1@nw.example", Roles.LspStaff, Liverpool), await Person("l2@nw.example", Roles.LspStaff, Liverpool), await Person("l3@nw.example", Roles.LspStaff, Liverpool) };
        var mentor = await Person("mentor@nw.example", Roles.Mentor, Sefton);

        // Needs: a baseline, then a follow-up created later (the latest answered survey).
        var baseline = await SurveyAsync(db, "NW baseline", SurveyRound.Baseline, null, now.AddDays(-200),
            new() { [(Knowsley, ThemeA)] = [1, 1], [(Knowsley, ThemeB)] = [4, 4], [(Liverpool, ThemeA)] = [2, 2], [(Liverpool, ThemeB)] = [3, 3] }, k[0], l[0]);
        await SurveyAsync(db, "NW follow-up", SurveyRound.FollowUp, baseline, now.AddDays(-5),
            new() { [(Knowsley, ThemeA)] = [2, 3], [(Knowsley, ThemeB)] = [4, 5], [(Liverpool, ThemeA)] = [4, 5], [(Liverpool, ThemeB)] = [2, 1] }, k[0], l[0]);

        // X1: completed, hosted by Knowsley.
        var start = now.AddDays(-10);
        var x1 = new Activity(RegionId, Details(ActivityKind.Seminar, X1, start, null, Knowsley, 10, now.AddDays(-30)), [ThemeA], now.AddDays(-40));
        x1.SetCosts([(CostCategory.Venue, null, 600m), (CostCategory.Speakers, null, 400m)]);
        x1.Publish(now.AddDays(-30));
        var attended = k.Select(p => x1.Book(p, Knowsley, now.AddDays(-20))).ToList();
        var noShow = x1.Book(l[0], Liverpool, now.AddDays(-20));
        foreach (var b in attended)
        {
            x1.RecordAttendance(b, Attendance.Attended, start.AddHours(1));
        }
        x1.RecordAttendance(noShow, Attendance.NoShow, start.AddHours(1));
        x1.Complete(start.AddHours(7));

        // X2: upcoming, 2 of 8 places taken.
        var x2 = new Activity(RegionId, Details(ActivityKind.Workshop, X2, now.AddDays(20), "Liverpool Town Hall", null, 8, now.AddDays(-1)), [ThemeB], now.AddDays(-2));
        x2.SetCosts([(CostCategory.Venue, null, 500m)]);
        x2.Publish(now.AddDays(-1));
        x2.Book(l[1], Liverpool, now);
        x2.Book(l[2], Liverpool, now);

        var x3 = new Activity(RegionId, Details(ActivityKind.Seminar, "Draft seminar", now.AddDays(40), "Somewhere", null, 10, now.AddDays(1)), [ThemeA], now);
        x3.SetCosts([(CostCategory.Other, null, 9999m)]);
        var x4 = new Activity(RegionId, Details(ActivityKind.StudyVisit, "Cancelled visit", now.AddDays(30), "Somewhere", null, 10, now.AddDays(-1)), [ThemeB], now.AddDays(-2));
        x4.SetCosts([(CostCategory.Travel, null, 700m)]);
        x4.Publish(now.AddDays(-1));
        x4.Cancel("No speaker", now);
        db.Activities.AddRange(x1, x2, x3, x4);
        await db.SaveChangesAsync();
        (X1Id, X2Id) = (x1.Id, x2.Id);
        db.Feedback.AddRange(
            new Feedback(attended[0].Id, 5, 4, "Measures.", null, start.AddHours(8)),
            new Feedback(attended[1].Id, 3, 4, "Reporting.", null, start.AddHours(8)));

        var placement = new Placement(RegionId, PlacementKind.Mentoring, mentor, l[0], Liverpool, "Grow.", today.AddDays(-60), today.AddDays(60),
            [ThemeA], null, null, null);
        placement.LogSession(mentor, today.AddDays(-60), 90, SessionMode.InPerson, "First meeting.", null, null, today, now);
        db.Placements.Add(placement);

        var published = new CaseStudy(RegionId, k[0], now);
        published.Edit("Knowsley measures", "Summary.", "Body.", PracticeKind.Process, Knowsley, null, null, null, [ThemeA], now);
        published.Submit(now);
        var awaiting = new CaseStudy(RegionId, l[0], now);
        awaiting.Edit("Liverpool draft", "Summary.", "Body.", PracticeKind.Project, Liverpool, null, null, null, [ThemeB], now);
        awaiting.Submit(now);
        db.CaseStudies.AddRange(published, awaiting);

        var failed = new OutboxMessage("test:nw:failed", "k1@nw.example", null, "Hello", "Hello", "<p>Hello</p>", now, "localhost", RegionId);
        failed.RecordPermanentFailure(now, "550 no such user");
        db.OutboxMessages.Add(failed);
        await db.SaveChangesAsync();
        published.Publish(now);
        await db.SaveChangesAsync();

        // R1: Sefton, theme B, at self-assessment. R2: Knowsley, themes A and B, at scoping.
        var seftonReview = new PeerReview(RegionId, Sefton, [ThemeB], "Commissioning.", today.AddDays(-7), today.AddDays(20),
            today.AddDays(40), today.AddDays(41), today, now);
        seftonReview.AddMember(ReviewActor.Coordinator, k[0], Knowsley, TeamRole.Lead);
        seftonReview.AddMember(ReviewActor.Coordinator, l[0], Liverpool, TeamRole.Peer);
        seftonReview.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, k[0], today, now);
        var knowsleyReview = new PeerReview(RegionId, Knowsley, [ThemeA, ThemeB], null, today, today.AddDays(30),
            today.AddDays(50), today.AddDays(50), today, now);
        db.PeerReviews.AddRange(seftonReview, knowsleyReview);
        await db.SaveChangesAsync();
        (SeftonReviewId, KnowsleyReviewId) = (seftonReview.Id, knowsleyReview.Id);
    }

    /// <summary>
    /// More completed theme-A activities that a Knowsley person attended, "Extra 1" the most recent,
    /// each a week before the one before it. Changes the hand-worked figures: only for tests that own
    /// their instance.
    /// </summary>
    public async Task AddAttendedActivitiesAsync(int count)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var person = await db.Users.Where(u => u.Email == "k2@nw.example").Select(u => u.Id).SingleAsync();
        for (var i = 1; i <= count; i++)
        {
            var start = now.AddDays(-12 - 7 * i);
            var activity = new Activity(RegionId, Details(ActivityKind.Seminar, $"Extra {i}", start, "Somewhere", null, 10, start.AddDays(-30)), [ThemeA], start.AddDays(-40));
            activity.Publish(start.AddDays(-30));
            var booking = activity.Book(person, Knowsley, start.AddDays(-20));
            activity.RecordAttendance(booking, Attendance.Attended, start.AddHours(1));
            activity.Complete(start.AddHours(7));
            db.Activities.Add(activity);
        }
        await db.SaveChangesAsync();
    }

    private static ActivityDetails Details(ActivityKind kind, string title, DateTime starts, string? venue, int? host, int capacity, DateTime opens) =>
        new(kind, title, "", starts, starts.AddHours(6), venue, host, capacity, null, opens, starts, BookingMode.FirstCome, null, null, null);

    private async Task<int> SurveyAsync(AppDbContext db, string title, SurveyRound round, int? baselineId, DateTime at,
        Dictionary<(int Partnership, int Theme), int[]> ratings, string knowsleyPerson, string liverpoolPerson)
    {
        var survey = new Survey(RegionId, title, round, baselineId, at);
        var sections = new Dictionary<int, SurveySection>();
        foreach (var theme in new[] { ThemeA, ThemeB })
        {
            var section = survey.AddSection($"Theme {theme}", theme, null);
            section.AddQuestion(QuestionKind.Rating, "First.", true, null);
            section.AddQuestion(QuestionKind.Rating, "Second.", true, null);
            sections[theme] = section;
        }
        survey.Open(at, at.AddDays(10), at);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        foreach (var (partnership, person) in new[] { (Knowsley, knowsleyPerson), (Liverpool, liverpoolPerson) })
        {
            var response = new SurveyResponse(survey.Id, partnership, at);
            foreach (var (theme, section) in sections)
            {
                var values = ratings[(partnership, theme)];
                for (var i = 0; i < section.Questions.Count; i++)
                {
                    response.Answer(section.Questions[i], values[i], null, null, person, at, survey);
                }
            }
            response.Submit(survey, person, at);
            db.SurveyResponses.Add(response);
        }
        await db.SaveChangesAsync();
        return survey.Id;
    }
}
