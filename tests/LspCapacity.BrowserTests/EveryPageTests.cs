using LspCapacity.BrowserTests.Support;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests;

/// <summary>
/// Every page the access test knows (Tests/Support/PageRoutes.cs), opened at 320 px wide by each role that
/// may open it, over data that fills its tables: no page is wider than the screen (WCAG 1.4.10 Reflow; a
/// table may scroll inside its own region), axe finds nothing moderate or worse, and the footer links to
/// the accessibility statement. One browser context per role; each page visited once per role.
/// </summary>
public class EveryPageTests(BrowserApp browser, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const int Width = 320;

    private sealed record Role(string Name, string? Email, Func<string, bool> MayTry);

    private static readonly Role[] Roles =
    [
        new("anyone", null, path => PublicPages.All.Contains(path)),
        new("LSP staff", Demo.StaffBirmingham, path => !PageRoutes.IsCoordinatorOnly(path)),
        new("mentor", Demo.Mentor, path => !PageRoutes.IsCoordinatorOnly(path)),
        new("broker", "broker@lsp.example", path => !PageRoutes.IsCoordinatorOnly(path) || path == "/Needs/Coverage"),
        new("coordinator", Demo.Coordinator, _ => true),
        new("admin", Demo.Admin, _ => true),
    ];

    [BrowserFact]
    public async Task EveryPage_InEveryRole_FitsA320PxScreen_AndPassesAxe()
    {
        var samples = await SampleRecordsAsync();
        var pages = PageRoutes.Walk(browser.App.Services)
            .Where(p => !Path.HasExtension(p.Template)) // CSV, iCalendar and Atom downloads, not pages
            .Select(p => (p.ViewEnginePath, Url: PageRoutes.Url(p.Template, (segment, name) => samples.TryGetValue(segment, out var value)
                ? value
                : throw new InvalidOperationException($"No sample record for {{{name}}} after /{segment}/ in {p.Template}: add one to {nameof(SampleRecordsAsync)}."))
                + samples.GetValueOrDefault(p.ViewEnginePath, "")))
            .ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Two roles at a time: the machine's two cores, one for Chromium's pages, one for the app.
        using var gate = new SemaphoreSlim(2);
        var visits = await Task.WhenAll(Roles.Select(async role =>
        {
            await gate.WaitAsync();
            try
            {
                return await VisitAsync(role, pages);
            }
            finally
            {
                gate.Release();
            }
        }));

        output.WriteLine($"{visits.Sum(v => v.Opened.Count)} pages checked in {clock.Elapsed.TotalSeconds:0} s");
        var problems = visits.SelectMany(v => v.Problems).ToList();
        problems.AddRange(pages.Select(p => p.ViewEnginePath).Distinct().Except(visits.SelectMany(v => v.Opened))
            .Select(p => $"{p}: opened by no role (add sample data)"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>One role's visit, in a browser context of its own: each page it may try, once.</summary>
    private async Task<(List<string> Opened, List<string> Problems)> VisitAsync(Role role, IReadOnlyList<(string ViewEnginePath, string Url)> pages)
    {
        var opened = new List<string>();
        var problems = new List<string>();
        var page = await browser.NewPageAsync(Width);
        if (role.Email is not null)
        {
            await page.SignInAsync(role.Email);
        }
        foreach (var (path, url) in pages.Where(p => role.MayTry(p.ViewEnginePath)))
        {
            var response = await page.GotoAsync(url);
            if (response is { Status: >= 500 })
            {
                problems.Add($"{url} ({role.Name}): {response.Status}");
                continue;
            }
            // Refused (403), another's record (404), or sent elsewhere (a signed-in person asking for the
            // sign-in page): not a page this role opens; the page it was sent to is visited on its own.
            if (response is null || response.Request.RedirectedFrom is not null || response.Status != 200 && path != "/Errors/Status")
            {
                continue;
            }
            opened.Add(path);
            problems.AddRange(await ProblemsAsync(page, $"{url} ({role.Name})"));
        }
        if (role.Email == Demo.Admin)
        {
            // Hangfire's dashboard: a third-party page, the one listed exception to the axe checks (see /accessibility).
            // Hangfire writes the culture's two-letter language: "en" in en-GB (it was "iv", the invariant culture).
            await page.GotoAsync("/jobs");
            if (await page.Locator("html").GetAttributeAsync("lang") is var lang and not "en")
            {
                problems.Add($"/jobs (admin): lang=\"{lang}\", not English");
            }
        }
        await page.Context.CloseAsync();
        return (opened, problems);
    }

    private static async Task<IEnumerable<string>> ProblemsAsync(IPage page, string where)
    {
        var problems = new List<string>();
        var wide = await page.EvaluateAsync<string?>(
            """
            () => {
              const width = document.documentElement.scrollWidth, screen = window.innerWidth;
              if (width <= screen) return null;
              // The widest innermost elements, those outside a scroll region first.
              const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
              const beyond = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > screen + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > screen + 0.5));
              const culprits = [...beyond.filter(e => !clipped(e)), ...beyond.filter(clipped)]
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
              return `${width} px wide at ${screen}: ${culprits.join(', ')}`;
            }
            """);
        if (wide is not null)
        {
            problems.Add($"{where}: {wide}");
        }
        if (await page.Locator("footer a[href='/accessibility']").CountAsync() == 0)
        {
            problems.Add($"{where}: no link to the accessibility statement in the footer");
        }
        problems.AddRange((await page.AxeProblemsAsync()).Select(p => $"{where}: {p}"));
        return problems;
    }

    /// <summary>
    /// Records whose pages have something to show, by the route segment before the parameter
    /// ("/reviews/{id}/actions/{actionId}": "reviews", "actions"), and the query string of a page that
    /// needs one (by its view path): an activity that has ended with attendance taken, a submitted survey,
    /// a support request, a review at its action plan, a published case study, a digest subscription.
    /// </summary>
    private async Task<Dictionary<string, string>> SampleRecordsAsync()
    {
        var app = browser.App;
        var people = await app.PeopleAsync(12, "Birmingham", "Coventry", "Dudley", "Sandwell");
        var upcoming = await app.WithDbAsync(db => db.Activities.OrderBy(a => a.StartsAt).Select(a => a.Id).FirstAsync());
        foreach (var email in people.Take(3).Append(Demo.StaffCoventry))
        {
            // Booked through the page, as people do, so the confirmations are in the outbox too.
            using var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
            client.DefaultRequestHeaders.Add(AppFactory.TestUserHeader, email);
            var booked = await client.SubmitFormAsync($"/activities/{upcoming}", new Dictionary<string, string>(), "form[action*='handler=Book']");
            Assert.True(booked.IsSuccessStatusCode, $"Booking for {email}: {(int)booked.StatusCode}");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(app.Clock);
        var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
        var partnerships = await db.Partnerships.Where(p => p.RegionId == regionId).OrderBy(p => p.Name).ToDictionaryAsync(p => p.Name, p => p.Id);
        var users = await db.Users.Where(u => u.Email!.EndsWith("@lsp.example")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var themes = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).ToListAsync();

        // A workshop that ended yesterday: everyone booked, attendance taken, so feedback is open to Birmingham.
        var starts = now.AddDays(-1);
        var ended = new Activity(regionId, new ActivityDetails(ActivityKind.Workshop, "Commissioning and pooled budgets in practice",
            "How three partnerships bent mainstream budgets.", starts, starts.AddHours(6), "Council House, Birmingham", null, 40, null,
            now.AddDays(-40), starts, BookingMode.FirstCome, null, null, null), themes.Take(2), now.AddDays(-40));
        ended.Publish(now.AddDays(-40));
        db.Activities.Add(ended);
        var attendees = await db.Users.Where(u => people.Contains(u.Email!) || u.Email == Demo.StaffBirmingham)
            .Select(u => new { u.Id, u.PartnershipId }).ToListAsync();
        var bookings = attendees.Select(p => ended.Book(p.Id, p.PartnershipId, now.AddDays(-20))).ToList();
        await db.SaveChangesAsync();
        foreach (var booking in bookings)
        {
            ended.RecordAttendance(booking, booking.PersonId == users[Demo.StaffBirmingham] ? Attendance.Attended : Attendance.NoShow, now);
        }

        var subscription = new LibrarySubscription(users[Demo.StaffCoventry], now);
        db.LibrarySubscriptions.Add(subscription);

        // A survey from the template, answered and submitted by Birmingham and nine others.
        var survey = await scope.ServiceProvider.GetRequiredService<NeedsTemplate>()
            .CreateSurveyAsync(regionId, "Needs analysis 2006", SurveyRound.Baseline, null, now, CancellationToken.None);
        survey.Open(now.AddHours(-1), now.AddDays(30), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        foreach (var (partnershipId, n) in partnerships.Values.Take(10).Prepend(partnerships["Birmingham"]).Distinct().Select((p, n) => (p, n)))
        {
            var response = new SurveyResponse(survey.Id, partnershipId, now);
            foreach (var question in survey.Sections.SelectMany(s => s.Questions))
            {
                response.Answer(question, question.Kind == QuestionKind.Rating ? 1 + n % 5 : null,
                    question.Kind == QuestionKind.FreeText ? "Pooled budgets for worklessness" : null,
                    question.Kind == QuestionKind.MultipleChoice ? [question.Options[0]] : null, users[Demo.StaffBirmingham], now, survey);
            }
            response.Submit(survey, users[Demo.StaffBirmingham], now);
            db.SurveyResponses.Add(response);
        }

        // Birmingham asks for coaching.
        var request = new SupportRequest(regionId, partnerships["Birmingham"], users[Demo.StaffBirmingham], PlacementKind.Coaching,
            themes.Take(2), "Chair a board that holds partners to account.", "Any Tuesday", now);
        db.SupportRequests.Add(request);

        // A review of Birmingham, led by the demo mentor with Coventry as a peer, at its action plan.
        var onSite = today.AddDays(-20);
        var review = new PeerReview(regionId, partnerships["Birmingham"], themes.Take(2), "Performance management.", today.AddDays(-40),
            today.AddDays(-30), onSite, onSite.AddDays(1), today.AddDays(-40), now);
        review.AddMember(ReviewActor.Coordinator, users[Demo.Mentor], null, TeamRole.Lead);
        review.AddMember(ReviewActor.Coordinator, users[Demo.StaffCoventry], partnerships["Coventry"], TeamRole.Peer);
        db.PeerReviews.Add(review);
        review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, users[Demo.Coordinator], today.AddDays(-40), now);
        foreach (var theme in themes.Take(2))
        {
            review.SaveSelfAssessment(ReviewActor.Host, users[Demo.StaffBirmingham], theme, 2, "Targets have no owners.", now);
        }
        review.MoveOn(ReviewStage.SelfAssessment, ReviewActor.Host, users[Demo.StaffBirmingham], onSite, now);
        review.AddFinding(ReviewActor.Lead, users[Demo.Mentor], themes[0], FindingKind.AreaForImprovement, "Nobody owns the LAA targets.", today, now);
        review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, users[Demo.Mentor], onSite.AddDays(1), now);
        var recommendation = review.AddRecommendation(ReviewActor.Lead, themes[0], "Name an owner for every LAA target.", today, now);
        review.WriteReportSummary(ReviewActor.Lead, "A committed partnership that needs sharper performance management.", today);
        review.MoveOn(ReviewStage.Findings, ReviewActor.Host, users[Demo.StaffBirmingham], onSite.AddDays(1), now);
        await db.SaveChangesAsync();
        var action = review.AddAction(ReviewActor.Lead, recommendation.Id, "Agree target owners at the board.", "Head of Policy",
            today.AddMonths(2), today, now);
        review.MoveOn(ReviewStage.ReportAgreed, ReviewActor.Lead, users[Demo.Mentor], today, now);
        await db.SaveChangesAsync();

        // Birmingham's improvement projects: an active one its staff's place on the workshop was for, and one closed
        // with results it agreed to make public (the library's results filter).
        var project = SupportedProjects.New(db, regionId, partnerships["Birmingham"], users[Demo.StaffBirmingham], "Board owns the LAA targets",
            themes.Take(1).ToArray(), now, today);
        var closed = SupportedProjects.New(db, regionId, partnerships["Birmingham"], users[Demo.StaffBirmingham], "Youth forum on the board",
            themes.Skip(1).Take(1).ToArray(), now, today, acceptedDaysAgo: 90);
        await db.SaveChangesAsync();
        closed.Close(users[Demo.StaffBirmingham], "Young people sit on the board.", closed.Measures.Select(m => new Web.Domain.Projects.FinalValueInput(m.Id, 22)),
            [], "Mentoring.", null, publicConsent: true, now);
        var birminghamPlace = bookings.Single(b => b.PersonId == users[Demo.StaffBirmingham]);
        birminghamPlace.ServeProject(new Web.Domain.Projects.ProjectForSupport(project.Id, partnerships["Birmingham"], project.Title, true, false));
        await db.SaveChangesAsync();

        var caseStudy = await db.CaseStudies.Where(c => c.Status == CaseStudyStatus.Published).OrderBy(c => c.Id).FirstAsync();
        // The demo data's held board meeting: its agenda with evidence and decisions, and the decisions table for the rest of the region.
        var meeting = await db.BoardMeetings.Where(m => m.RegionId == regionId && m.StartsAt < now).OrderByDescending(m => m.StartsAt).Select(m => m.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["meetings"] = meeting.ToString(UkTime.Culture),
            ["bookings"] = birminghamPlace.Id.ToString(UkTime.Culture),
            ["results"] = closed.Id.ToString(UkTime.Culture),
            // The admin pages (issue 21): the West Midlands' running programme year, its region and a theme.
            ["programmes"] = (await db.Programmes.Where(p => p.RegionId == regionId && p.ClosedAt == null).OrderByDescending(p => p.StartsOn)
                .Select(p => p.Id).FirstAsync()).ToString(UkTime.Culture),
            ["regions"] = regionId.ToString(UkTime.Culture),
            ["themes"] = themes.First().ToString(UkTime.Culture),
            ["invitation"] = "no-such-invitation",
            ["activities"] = ended.Id.ToString(UkTime.Culture),
            ["errors"] = "404",
            ["library"] = caseStudy.Slug,
            ["write"] = "", // a new case study
            ["surveys"] = survey.Id.ToString(UkTime.Culture),
            ["questions"] = survey.Sections[0].Questions[0].Id.ToString(UkTime.Culture),
            ["partnerships"] = partnerships["Birmingham"].ToString(UkTime.Culture),
            ["people"] = users[Demo.StaffBirmingham],
            ["placements"] = (await db.Placements.Select(p => p.Id).FirstAsync()).ToString(UkTime.Culture),
            ["requests"] = request.Id.ToString(UkTime.Culture),
            ["reviews"] = review.Id.ToString(UkTime.Culture),
            ["actions"] = action.Id.ToString(UkTime.Culture),
            // The demo's active Birmingham project: its lead (staff.birmingham) can edit, update and close it.
            ["projects"] = (await db.Projects.Where(p => p.PartnershipId == partnerships["Birmingham"] && p.Status == LspCapacity.Web.Domain.Projects.ProjectStatus.Active)
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString(UkTime.Culture),
            // The demo's open Birmingham proposal, endorsed by Coventry and by two of Wolverhampton's staff.
            ["proposals"] = (await db.Proposals.Where(p => p.PartnershipId == partnerships["Birmingham"])
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString(UkTime.Culture),
            ["/Library/Unsubscribe"] = $"?token={subscription.UnsubscribeToken}",
            // The provider register: Sandwell council (contacts, offers) and its secondee offer.
            ["providers"] = (await db.Organisations.Where(o => o.Name == "Sandwell Metropolitan Borough Council").Select(o => o.Id).SingleAsync()).ToString(UkTime.Culture),
            ["offers"] = (await db.Offers.Where(o => o.Kind == LspCapacity.Web.Domain.Brokerage.OfferKind.Secondee).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()).ToString(UkTime.Culture),
            // The demo's accepted Birmingham brokerage request: committed work, not yet delivered.
            ["brokerage"] = (await db.BrokerageRequests.Where(r => r.PartnershipId == partnerships["Birmingham"]
                && r.Status == LspCapacity.Web.Domain.Brokerage.BrokerageRequestStatus.Accepted).Select(r => r.Id).FirstAsync()).ToString(UkTime.Culture),
        };
    }
}
