using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Support;

/// <summary>
/// The records the access table (<see cref="PageRoutes.Access"/>) opens, all in the West Midlands, each
/// with one owner so that the columns differ: Birmingham's ended workshop (Birmingham attended), an open
/// survey Birmingham has answered, Birmingham's mentoring placement with the demo mentor (seeded),
/// Birmingham's support request, a peer review of Coventry led by the demo mentor with a peer from Dudley (Birmingham is
/// not on it), a case study Birmingham is drafting, Coventry's digest subscription and Birmingham's calendar feed. The North West (another
/// region, with its own coordinator) owns none of them.
/// </summary>
public static class AccessSamples
{
    /// <summary>
    /// Values by the route segment before a parameter ("/reviews/{id}/actions/{actionId}": "reviews",
    /// "actions"), and a query string by view path for the pages that need one.
    /// </summary>
    public static async Task<Dictionary<string, string>> CreateAsync(AppFactory app)
    {
        await app.AddOtherRegionAsync();
        var dudley = (await app.PeopleAsync(1, "Dudley")).Single();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(app.Clock);
        var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
        var partnerships = await db.Partnerships.Where(p => p.RegionId == regionId).ToDictionaryAsync(p => p.Name, p => p.Id);
        var users = await db.Users.Where(u => u.Email!.EndsWith("@lsp.example")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var themes = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).ToListAsync();

        // A workshop that ended yesterday, Birmingham's place attended: feedback is open to Birmingham only.
        var starts = now.AddDays(-1);
        var ended = new Activity(regionId, new ActivityDetails(ActivityKind.Workshop, "Commissioning and pooled budgets in practice",
            "How three partnerships bent mainstream budgets.", starts, starts.AddHours(6), "Council House, Birmingham", null, 40, null,
            now.AddDays(-40), starts, BookingMode.FirstCome, null, null, null), themes.Take(2), now.AddDays(-40));
        ended.Publish(now.AddDays(-40));
        db.Activities.Add(ended);
        var booking = ended.Book(users[Demo.StaffBirmingham], partnerships["Birmingham"], now.AddDays(-20));
        await db.SaveChangesAsync();
        ended.RecordAttendance(booking, Attendance.Attended, now);

        var subscription = new LibrarySubscription(users[Demo.StaffCoventry], now);
        db.LibrarySubscriptions.Add(subscription);

        // An open survey, answered and submitted by Birmingham.
        var survey = await scope.ServiceProvider.GetRequiredService<NeedsTemplate>()
            .CreateSurveyAsync(regionId, "Needs analysis 2006", SurveyRound.Baseline, null, now, CancellationToken.None);
        survey.Open(now.AddHours(-1), now.AddDays(30), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        var response = new SurveyResponse(survey.Id, partnerships["Birmingham"], now);
        foreach (var question in survey.Sections.SelectMany(s => s.Questions))
        {
            response.Answer(question, question.Kind == QuestionKind.Rating ? 3 : null,
                question.Kind == QuestionKind.FreeText ? "Pooled budgets for worklessness" : null,
                question.Kind == QuestionKind.MultipleChoice ? [question.Options[0]] : null, users[Demo.StaffBirmingham], now, survey);
        }
        response.Submit(survey, users[Demo.StaffBirmingham], now);
        db.SurveyResponses.Add(response);

        // Birmingham asks for coaching.
        var request = new SupportRequest(regionId, partnerships["Birmingham"], users[Demo.StaffBirmingham], PlacementKind.Coaching,
            themes.Take(2), "Chair a board that holds partners to account.", "Any Tuesday", now);
        db.SupportRequests.Add(request);

        // A review of Coventry led by the demo mentor, at its action plan: Birmingham is neither host nor team.
        var onSite = today.AddDays(-20);
        var review = new PeerReview(regionId, partnerships["Coventry"], themes.Take(2), "Performance management.", today.AddDays(-40),
            today.AddDays(-30), onSite, onSite.AddDays(1), today.AddDays(-40), now);
        review.AddMember(ReviewActor.Coordinator, users[Demo.Mentor], null, TeamRole.Lead);
        var peer = await db.Users.Where(u => u.Email == dudley).Select(u => new { u.Id, u.PartnershipId }).SingleAsync();
        review.AddMember(ReviewActor.Coordinator, peer.Id, peer.PartnershipId, TeamRole.Peer);
        db.PeerReviews.Add(review);
        review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, users[Demo.Coordinator], today.AddDays(-40), now);
        foreach (var theme in themes.Take(2))
        {
            review.SaveSelfAssessment(ReviewActor.Host, users[Demo.StaffCoventry], theme, 2, "Targets have no owners.", now);
        }
        review.MoveOn(ReviewStage.SelfAssessment, ReviewActor.Host, users[Demo.StaffCoventry], onSite, now);
        review.AddFinding(ReviewActor.Lead, users[Demo.Mentor], themes[0], FindingKind.AreaForImprovement, "Nobody owns the LAA targets.", today, now);
        review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, users[Demo.Mentor], onSite.AddDays(1), now);
        var recommendation = review.AddRecommendation(ReviewActor.Lead, themes[0], "Name an owner for every LAA target.", today, now);
        review.WriteReportSummary(ReviewActor.Lead, "A committed partnership that needs sharper performance management.", today);
        review.MoveOn(ReviewStage.Findings, ReviewActor.Host, users[Demo.StaffCoventry], onSite.AddDays(1), now);
        await db.SaveChangesAsync();
        var action = review.AddAction(ReviewActor.Lead, recommendation.Id, "Agree target owners at the board.", "Head of Policy",
            today.AddMonths(2), today, now);
        review.MoveOn(ReviewStage.ReportAgreed, ReviewActor.Lead, users[Demo.Mentor], today, now);

        // A case study Birmingham is drafting: unpublished, so it exists only for its author and the region's coordinators.
        var draft = new CaseStudy(regionId, users[Demo.StaffBirmingham], now);
        draft.Edit("Pooling budgets for worklessness", "How the board pooled three budgets.", "The board agreed a pooled budget.",
            PracticeKind.Project, partnerships["Birmingham"], null, null, null, themes.Take(1), now);
        db.CaseStudies.Add(draft);
        await db.SaveChangesAsync();

        var birmingham = await db.Users.SingleAsync(u => u.Id == users[Demo.StaffBirmingham]);
        var calendarToken = birmingham.NewCalendarToken();
        await db.SaveChangesAsync();

        var placement = await db.Placements.Where(p => p.MenteeId == users[Demo.StaffBirmingham]).Select(p => p.Id).FirstAsync();
        // Birmingham's improvement projects from the demo data: one active, one closed with its results made public.
        var activeProject = await db.Projects.Where(p => p.PartnershipId == partnerships["Birmingham"] && p.Status == ProjectStatus.Active)
            .Select(p => p.Id).FirstAsync();
        var closedProject = await db.Projects.Where(p => p.PartnershipId == partnerships["Birmingham"] && p.Status == ProjectStatus.Closed)
            .Select(p => p.Id).FirstAsync();
        // Birmingham's open proposal from the demo data (proposed by staff.birmingham, endorsed by Coventry).
        var proposal = await db.Proposals.Where(p => p.PartnershipId == partnerships["Birmingham"]).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        // The demo data's upcoming board meeting, with its agenda: the board sees the papers, the rest of the region its date.
        var meeting = await db.BoardMeetings.Where(m => m.RegionId == regionId && m.StartsAt > now).Select(m => m.Id).FirstAsync();
        // The provider register's demo data: Sandwell council and its secondee offer.
        var council = await db.Organisations.Where(o => o.Name == "Sandwell Metropolitan Borough Council").Select(o => o.Id).SingleAsync();
        var secondee = await db.Offers.Where(o => o.OrganisationId == council && o.Kind == LspCapacity.Web.Domain.Brokerage.OfferKind.Secondee)
            .Select(o => o.Id).FirstAsync();
        // The West Midlands' running programme year, its region and a theme (the admin pages, issue 21).
        var programme = await db.Programmes.Where(p => p.RegionId == regionId && p.ClosedAt == null).OrderByDescending(p => p.StartsOn).Select(p => p.Id).FirstAsync();
        // Birmingham's accepted brokerage request from the demo data: committed work not yet delivered.
        var brokered = await db.BrokerageRequests.Where(r => r.PartnershipId == partnerships["Birmingham"]
            && r.Status == LspCapacity.Web.Domain.Brokerage.BrokerageRequestStatus.Accepted).Select(r => r.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["brokerage"] = brokered.ToString(UkTime.Culture),
            ["programmes"] = programme.ToString(UkTime.Culture),
            ["regions"] = regionId.ToString(UkTime.Culture),
            ["themes"] = themes.First().ToString(UkTime.Culture),
            ["providers"] = council.ToString(UkTime.Culture),
            ["offers"] = secondee.ToString(UkTime.Culture),
            ["meetings"] = meeting.ToString(UkTime.Culture),
            ["invitation"] = "no-such-invitation",
            ["activities"] = ended.Id.ToString(UkTime.Culture),
            ["errors"] = "404",
            ["library"] = draft.Id.ToString(UkTime.Culture),
            ["write"] = draft.Id.ToString(UkTime.Culture),
            ["surveys"] = survey.Id.ToString(UkTime.Culture),
            ["questions"] = survey.Sections[0].Questions[0].Id.ToString(UkTime.Culture),
            ["partnerships"] = partnerships["Birmingham"].ToString(UkTime.Culture),
            ["people"] = users[Demo.StaffBirmingham],
            ["placements"] = placement.ToString(UkTime.Culture),
            ["requests"] = request.Id.ToString(UkTime.Culture),
            ["reviews"] = review.Id.ToString(UkTime.Culture),
            ["actions"] = action.Id.ToString(UkTime.Culture),
            ["projects"] = activeProject.ToString(UkTime.Culture),
            ["results"] = closedProject.ToString(UkTime.Culture),
            ["proposals"] = proposal.ToString(UkTime.Culture),
            ["bookings"] = booking.Id.ToString(UkTime.Culture),
            ["/Library/Unsubscribe"] = $"?token={subscription.UnsubscribeToken}",
            ["/My/Calendar"] = $"?token={calendarToken}",
        };
    }
}
