using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Reviews;

/// <summary>
/// Reviews of Birmingham by the demo mentor (lead) and Coventry's staff (peer), through the pages. The
/// test clock starts on 25 November 2026.
/// </summary>
public class ReviewTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public ReviewTests(AppFactory app) => _app = app;

    private async Task<Dictionary<string, string>> SetUpFormAsync()
    {
        var themes = await _app.WithDbAsync(db => db.Themes.Where(t => t.Code == "performance-management" || t.Code == "community-engagement")
            .OrderBy(t => t.Position).Select(t => t.Id).ToListAsync());
        return new Dictionary<string, string>
        {
            ["Input.HostPartnershipId"] = (await _app.PartnershipIdAsync("Birmingham")).ToString(),
            ["Input.ThemeIds"] = themes[0].ToString(),
            ["Input.ScopingOn"] = "2026-12-02",
            ["Input.SelfAssessmentDueOn"] = "2026-12-18",
            ["Input.OnSiteStartsOn"] = "2027-01-11",
            ["Input.OnSiteEndsOn"] = "2027-01-13",
            ["Input.LeadId"] = await _app.UserIdAsync(Demo.Mentor),
            ["Input.PeerIds"] = await _app.UserIdAsync(Demo.StaffCoventry),
        };
    }

    private async Task<int> SetUpAsync()
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/reviews/create", await SetUpFormAsync(), "main form[method='post']");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", (await response.ParseAsync()).ErrorSummary()));
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<ReviewStage> StageAsync(int id) => _app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == id).Select(r => r.Stage).SingleAsync());

    private Task<HttpResponseMessage> MoveOnAsync(string person, int id, ReviewStage from) =>
        _app.CreateClientAs(person).PostWithTokenAsync("/reviews", $"/reviews/{id}?handler=MoveOn", new Dictionary<string, string> { ["From"] = from.ToString() });

    [Fact]
    public async Task Coordinator_SetsUpAReview_AndTheTeamSeeItUnderTheirReviews()
    {
        var id = await SetUpAsync();
        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/reviews/{id}");
        Assert.Equal("Peer review of Birmingham", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Morgan Mentor", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Current stage", page.QuerySelector(".app-review-timeline")!.TextContent);
        Assert.Equal(ReviewStage.Scoping, await StageAsync(id));

        foreach (var person in new[] { Demo.Mentor, Demo.StaffCoventry, Demo.StaffBirmingham })
        {
            var mine = await _app.CreateClientAs(person).GetDocumentAsync("/reviews");
            Assert.Contains(mine.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/reviews/{id}");
        }
    }

    [Fact]
    public async Task SetUp_WithSomeoneFromTheHostPartnership_IsRefused()
    {
        var form = await SetUpFormAsync();
        form["Input.LeadId"] = await _app.UserIdAsync(Demo.StaffBirmingham);
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/reviews/create", form, "main form[method='post']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith("Sam Birmingham: Nobody from the host partnership can review it", StringComparison.Ordinal));
        Assert.Equal("11 1 2027", page.FieldValue("Input.OnSiteStartsOn"));

        form = await SetUpFormAsync();
        form["Input.PeerIds"] = await _app.UserIdAsync(Demo.StaffBirmingham);
        page = await (await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/reviews/create", form, "main form[method='post']")).ParseAsync();
        Assert.Contains(page.ErrorSummary(), e => e.Contains("Nobody from the host partnership", StringComparison.Ordinal));
        Assert.False(await _app.WithDbAsync(db => db.PeerReviews.AnyAsync(r => r.Team.Any(m => m.PartnershipId == r.HostPartnershipId))));
    }

    [Fact]
    public async Task AddMember_FromTheHostPartnership_IsRefusedOnTheReviewPageToo()
    {
        var id = await SetUpAsync();
        var response = await _app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync($"/reviews/{id}", $"/reviews/{id}?handler=AddMember",
            new Dictionary<string, string> { ["Member.PersonId"] = await _app.UserIdAsync(Demo.StaffBirmingham), ["Member.Role"] = "Peer" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(page.ErrorSummary(), e => e.Contains("Nobody from the host partnership"));
        // The refusal names its field (a FieldException): it stands beside the person picker, and the summary links there.
        Assert.Contains("Nobody from the host partnership", page.QuerySelector("#Member_PersonId-error")?.TextContent ?? "");
        Assert.Contains(page.QuerySelectorAll(".govuk-error-summary__list a"), a => a.GetAttribute("href") == "#Member_PersonId");
        Assert.Equal(2, await _app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == id).SelectMany(r => r.Team).CountAsync()));
    }

    [Fact]
    public async Task TeamPicker_ShowsEachCandidatesReviewLoad()
    {
        await SetUpAsync();
        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/reviews/create");
        var mentor = page.QuerySelectorAll("#Input_LeadId option").Single(o => o.TextContent.StartsWith("Morgan Mentor", StringComparison.Ordinal));
        Assert.Matches(@"on \d+ open reviews?", mentor.TextContent);
        // Suggested from a partnership: its own staff leave the picker.
        var birmingham = await _app.PartnershipIdAsync("Birmingham");
        var suggested = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/reviews/create?partnership={birmingham}");
        Assert.DoesNotContain(suggested.QuerySelectorAll("#Input_LeadId option"), o => o.TextContent.StartsWith("Sam Birmingham", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Input.OnSiteStartsOn", "2026-11-30", "The on-site visit must start after the scoping date", "30 11 2026")]
    [InlineData("Input.OnSiteStartsOn.Day", "next week", "First day on site must be a real date")]
    [InlineData("Input.OnSiteStartsOn.Month", "", "First day on site must include a month")]
    [InlineData("Input.LeadId", "", "Select the lead reviewer")]
    [InlineData("Input.SelfAssessmentDueOn", "2027-02-01", "The self-assessment must be due between the scoping date and the on-site visit.", "1 2 2027")]
    public async Task SetUp_WithBadInput_GivesAClearError(string field, string value, string error, string? shown = null)
    {
        var form = await SetUpFormAsync();
        form[field] = value;
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/reviews/create", form, "main form[method='post']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal(shown ?? value, page.FieldValue(field));
    }

    [Fact]
    public async Task StaffOfAnUninvolvedPartnership_CannotOpenTheReviewOrItsWorkingPapers()
    {
        var id = await SetUpAsync();
        var dudley = (await _app.PeopleAsync(1, "Dudley"))[0];
        await _app.AddOtherRegionAsync();
        foreach (var outsider in new[] { dudley, TestData.OtherCoordinator, TestData.OtherStaff })
        {
            var client = _app.CreateClientAs(outsider);
            foreach (var path in new[] { "", "/self-assessment", "/findings", "/actions", "/report" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/reviews/{id}{path}")).StatusCode);
            }
            var list = await client.GetDocumentAsync("/reviews");
            Assert.DoesNotContain(list.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/reviews/{id}");
        }
        var forged = await _app.CreateClientAs(dudley).PostWithTokenAsync("/reviews", $"/reviews/{id}/findings?handler=Finding",
            new Dictionary<string, string> { ["Finding.ThemeId"] = "1", ["Finding.Kind"] = "Strength", ["Finding.Text"] = "Sneaky" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClientAs(Demo.Coordinator).GetAsync("/reviews/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffCoventry).GetAsync("/reviews/create")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheAllowedRole_MovesEachStage_AndNoStageIsSkipped()
    {
        var id = await SetUpAsync();
        // Scoping: the coordinator only.
        foreach (var wrong in new[] { Demo.Mentor, Demo.StaffCoventry, Demo.StaffBirmingham })
        {
            var refused = await MoveOnAsync(wrong, id, ReviewStage.Scoping);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Only a coordinator can move the review on from scoping.", (await refused.ParseAsync()).ErrorSummary());
        }
        // Skipping ahead is refused even for the role that moves the later stage.
        var skip = await MoveOnAsync(Demo.Mentor, id, ReviewStage.OnSite);
        Assert.Contains((await skip.ParseAsync()).ErrorSummary(), e => e.StartsWith("The review is at scoping, not on-site", StringComparison.Ordinal));
        Assert.Equal(ReviewStage.Scoping, await StageAsync(id));

        var moved = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/reviews/{id}", new Dictionary<string, string>(), "form[action*='handler=MoveOn']");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(ReviewStage.SelfAssessment, await StageAsync(id));
        // The same click again (a stale page) does not move it a second time.
        Assert.Equal(HttpStatusCode.OK, (await MoveOnAsync(Demo.Coordinator, id, ReviewStage.Scoping)).StatusCode);
        Assert.Equal(ReviewStage.SelfAssessment, await StageAsync(id));

        // Self-assessment: the host only; the coordinator and the team are refused.
        foreach (var wrong in new[] { Demo.Coordinator, Demo.Mentor, Demo.StaffCoventry })
        {
            Assert.Contains("Only the host partnership's staff can move the review on from self-assessment.",
                (await (await MoveOnAsync(wrong, id, ReviewStage.SelfAssessment)).ParseAsync()).ErrorSummary());
        }
        Assert.Equal(ReviewStage.SelfAssessment, await StageAsync(id));
        // The team see no button for a stage they cannot move; the host does.
        Assert.Null((await _app.CreateClientAs(Demo.Mentor).GetDocumentAsync($"/reviews/{id}")).QuerySelector("form[action*='handler=MoveOn']"));
    }

    [Fact]
    public async Task AReview_RunsFromSelfAssessmentToAPublishedCaseStudy()
    {
        var id = await SetUpAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await MoveOnAsync(Demo.Coordinator, id, ReviewStage.Scoping)).StatusCode);

        // The host's self-assessment: incomplete is refused with a clear error, then submitted.
        var host = _app.CreateClientAs(Demo.StaffBirmingham);
        var incomplete = await host.SubmitFormAsync($"/reviews/{id}/self-assessment",
            new Dictionary<string, string> { ["Answers[0].Rating"] = "2" }, button: "Submit the self-assessment");
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains((await incomplete.ParseAsync()).ErrorSummary(), e => e.StartsWith("Rate every focus theme", StringComparison.Ordinal));
        var badRating = await host.SubmitFormAsync($"/reviews/{id}/self-assessment",
            new Dictionary<string, string> { ["Answers[0].Rating"] = "9", ["Answers[0].Evidence"] = "Kept." }, button: "Save as a draft");
        var badPage = await badRating.ParseAsync();
        Assert.Contains("Rate your capacity from 1 to 5", badPage.ErrorSummary());
        Assert.Equal("Kept.", badPage.FieldValue("Answers[0].Evidence"));
        var submitted = await host.SubmitFormAsync($"/reviews/{id}/self-assessment",
            new Dictionary<string, string> { ["Answers[0].Rating"] = "2", ["Answers[0].Evidence"] = "Targets are not owned by partners." }, button: "Submit the self-assessment");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ReviewStage.OnSite, await StageAsync(id));

        // On site: the lead cannot close the visit before it starts.
        var early = await MoveOnAsync(Demo.Mentor, id, ReviewStage.OnSite);
        Assert.Contains("The on-site visit has not started yet.", (await early.ParseAsync()).ErrorSummary());
        // Nor record findings before it starts, though the self-assessment is in.
        var lead = _app.CreateClientAs(Demo.Mentor);
        var theme = (await SetUpFormAsync())["Input.ThemeIds"];
        Assert.Null((await lead.GetDocumentAsync($"/reviews/{id}/findings")).QuerySelector("form[action*='handler=Finding']"));
        var tooSoon = await lead.PostWithTokenAsync($"/reviews/{id}", $"/reviews/{id}/findings?handler=Finding", new Dictionary<string, string>
        {
            ["Finding.ThemeId"] = theme, ["Finding.Kind"] = "Strength", ["Finding.Text"] = "Written before the visit.",
        });
        Assert.Equal(HttpStatusCode.OK, tooSoon.StatusCode);
        Assert.Contains("The visit has not started yet: findings and recommendations are recorded from its first day, 11 January 2027.",
            (await tooSoon.ParseAsync()).ErrorSummary());
        Assert.False(await _app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == id).SelectMany(r => r.Findings).AnyAsync()));
        _app.Clock.Set(new DateTimeOffset(2027, 1, 13, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitFormAsync($"/reviews/{id}/findings", new Dictionary<string, string>
        {
            ["Finding.ThemeId"] = theme, ["Finding.Kind"] = "AreaForImprovement", ["Finding.Text"] = "No partner owns an LAA target.",
        }, "form[action*='handler=Finding']")).StatusCode);
        var emptyFinding = await lead.SubmitFormAsync($"/reviews/{id}/findings", new Dictionary<string, string>
            { ["Finding.ThemeId"] = theme, ["Finding.Kind"] = "Strength", ["Finding.Text"] = "" }, "form[action*='handler=Finding']");
        Assert.Contains("Enter the finding", (await emptyFinding.ParseAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await MoveOnAsync(Demo.Mentor, id, ReviewStage.OnSite)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync($"/reviews/{id}/findings",
            new Dictionary<string, string> { ["Recommendation.ThemeId"] = theme, ["Recommendation.Text"] = "Name an owner for every LAA target." },
            "form[action*='handler=Recommendation']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitFormAsync($"/reviews/{id}/findings",
            new Dictionary<string, string> { ["Summary.Text"] = "A committed partnership that needs sharper performance management." },
            "form[action*='handler=Summary']")).StatusCode);

        // The host agrees the report; the progress review falls ten months later.
        Assert.Equal(HttpStatusCode.Redirect, (await MoveOnAsync(Demo.StaffBirmingham, id, ReviewStage.Findings)).StatusCode);
        Assert.Equal(new DateOnly(2027, 11, 13), await _app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == id).Select(r => r.ProgressReviewOn).SingleAsync()));
        var report = await host.GetDocumentAsync($"/reviews/{id}/report");
        Assert.Contains("No partner owns an LAA target.", report.QuerySelector("main")!.TextContent);
        Assert.Null(report.QuerySelector(".govuk-warning-text"));

        // The host adds actions: an owner and a due date that is not past are required.
        var recommendation = await _app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == id).SelectMany(r => r.Recommendations).Select(x => x.Id).SingleAsync());
        var action = new Dictionary<string, string>
        {
            ["Input.RecommendationId"] = recommendation.ToString(), ["Input.Description"] = "Agree target owners at the board.",
            ["Input.Owner"] = "", ["Input.DueOn"] = "2027-03-31",
        };
        var noOwner = await (await host.SubmitFormAsync($"/reviews/{id}/actions", action, "form[action*='handler=Add']")).ParseAsync();
        Assert.Contains("Enter who owns the action", noOwner.ErrorSummary());
        Assert.Equal("Agree target owners at the board.", noOwner.FieldValue("Input.Description"));
        action["Input.Owner"] = "Head of Policy, Birmingham City Council";
        action["Input.DueOn"] = "2027-01-01";
        var past = await host.SubmitFormAsync($"/reviews/{id}/actions", action, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("The due date cannot be in the past", (await past.ParseAsync()).ErrorSummary());
        action["Input.DueOn"] = "2027-03-31";
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync($"/reviews/{id}/actions", action, "form[action*='handler=Add']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveOnAsync(Demo.Mentor, id, ReviewStage.ReportAgreed)).StatusCode);
        Assert.Equal(ReviewStage.ActionPlan, await StageAsync(id));

        // Progress over time.
        var actionId = await _app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == id).SelectMany(r => r.Actions).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync($"/reviews/{id}/actions/{actionId}",
            new Dictionary<string, string> { ["Input.Status"] = "InProgress", ["Input.Note"] = "Owners drafted for the March board." })).StatusCode);
        Assert.Contains("Owners drafted", (await host.GetDocumentAsync($"/reviews/{id}/actions")).QuerySelector("main")!.TextContent);

        // Consent: a summary goes to the library as a submitted case study, linked from the review.
        var consent = await host.SubmitFormAsync($"/reviews/{id}", new Dictionary<string, string>
        {
            ["Consent.Summary"] = "Naming an owner for each LAA target turned a reporting exercise into accountability.",
            ["Consent.Agree"] = "true",
        }, "form[action*='handler=Consent']");
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var item = await _app.WithDbAsync(db => db.CaseStudies.AsNoTracking().SingleAsync(c => c.SourceReviewId == id));
        Assert.Equal(CaseStudyStatus.Submitted, item.Status);
        Assert.Equal(await _app.PartnershipIdAsync("Birmingham"), item.PartnershipId);
        Assert.Contains("waiting for a coordinator", (await host.GetDocumentAsync($"/reviews/{id}")).QuerySelector("main")!.TextContent);

        // The coordinator publishes it; full-text search finds it (the FTS triggers survived the migration).
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/library/moderation", "/library/moderation?handler=Publish",
            new Dictionary<string, string> { ["CaseStudyId"] = item.Id.ToString() })).StatusCode);
        var search = await _app.CreateAnonymousClient().GetDocumentAsync("/library?q=accountability");
        Assert.Contains("Peer review of Birmingham", search.QuerySelector("main")!.TextContent);
        var reviewPage = await host.GetDocumentAsync($"/reviews/{id}");
        Assert.NotNull(reviewPage.QuerySelector($"a[href^='/library/{item.Id}-']"));

        // Follow-up and close: the coordinator. The progress review is not due until 13 November 2027, so
        // starting the follow-up now needs a reason on record.
        var earlyFollowUp = await MoveOnAsync(Demo.Coordinator, id, ReviewStage.ActionPlan);
        Assert.Equal(HttpStatusCode.OK, earlyFollowUp.StatusCode);
        Assert.Contains("The progress review is due on 13 November 2027: to start the follow-up earlier, say why.", (await earlyFollowUp.ParseAsync()).ErrorSummary());
        Assert.Equal(ReviewStage.ActionPlan, await StageAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/reviews/{id}",
            new Dictionary<string, string> { ["EarlyFollowUpReason"] = "The board wants to see progress before the budget is set." },
            "form[action*='handler=MoveOn']")).StatusCode);
        Assert.Equal(ReviewStage.FollowUp, await StageAsync(id));
        Assert.Contains("The follow-up started early: The board wants to see progress before the budget is set.",
            (await host.GetDocumentAsync($"/reviews/{id}")).QuerySelector("main dl")!.TextContent);
        Assert.Contains("Record what the follow-up found before closing the review.",
            (await (await MoveOnAsync(Demo.Coordinator, id, ReviewStage.FollowUp)).ParseAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/reviews/{id}",
            new Dictionary<string, string> { ["FollowUp"] = "Owners are named and report monthly." }, "form[action*='handler=FollowUp']")).StatusCode);
        Assert.Contains("Only a coordinator can move the review on from follow-up.",
            (await (await MoveOnAsync(Demo.Mentor, id, ReviewStage.FollowUp)).ParseAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await MoveOnAsync(Demo.Coordinator, id, ReviewStage.FollowUp)).StatusCode);
        Assert.Equal(ReviewStage.Closed, await StageAsync(id));
        _app.Clock.Set(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ReviewList_FiltersByStage()
    {
        var id = await SetUpAsync();
        var scoping = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/reviews?stage=Scoping");
        Assert.Contains(scoping.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/reviews/{id}");
        var closed = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/reviews?stage=Closed");
        Assert.DoesNotContain(closed.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/reviews/{id}");
    }

    [Fact]
    public async Task Coordinator_ReschedulesTheReview_WithAReason_EmailedToTheTeamAndTheHost()
    {
        var id = await SetUpAsync();
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var page = await coordinator.GetDocumentAsync($"/reviews/{id}");
        Assert.Equal("11 1 2027", page.FieldValue("Dates.OnSiteStartsOn"));
        var form = new Dictionary<string, string>
        {
            ["Dates.SelfAssessmentDueOn"] = "2027-01-15", ["Dates.OnSiteStartsOn"] = "2027-02-01", ["Dates.OnSiteEndsOn"] = "2027-02-02",
            ["Dates.Reason"] = "",
        };

        // Bad input: a clear error, the entries kept, nothing changed.
        var noReason = await coordinator.SubmitFormAsync($"/reviews/{id}", form, "form[action*='handler=Reschedule']");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var noReasonPage = await noReason.ParseAsync();
        Assert.Contains("Enter why the dates are changing", noReasonPage.ErrorSummary());
        Assert.Equal("1 2 2027", noReasonPage.FieldValue("Dates.OnSiteStartsOn"));
        form["Dates.Reason"] = "The host's chief executive is away that week.";
        var beforeScoping = await coordinator.SubmitFormAsync($"/reviews/{id}", new Dictionary<string, string>(form) { ["Dates.OnSiteStartsOn"] = "2026-11-30" },
            "form[action*='handler=Reschedule']");
        Assert.Contains("The on-site visit must start after the scoping date.", (await beforeScoping.ParseAsync()).ErrorSummary());
        var forged = await _app.CreateClientAs(Demo.Mentor).PostWithTokenAsync($"/reviews/{id}", $"/reviews/{id}?handler=Reschedule",
            new Dictionary<string, string>(form) { ["Dates.ScopingOn"] = "2026-12-02" });
        Assert.Contains("Only a coordinator can change the review's dates.", (await forged.ParseAsync()).ErrorSummary());
        Assert.Equal(new DateOnly(2027, 1, 11), await _app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == id).Select(r => r.OnSiteStartsOn).SingleAsync()));
        Assert.False(await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.DeduplicationKey.StartsWith($"review:{id}:rescheduled"))));

        var moved = await coordinator.SubmitFormAsync($"/reviews/{id}", form, "form[action*='handler=Reschedule']");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var review = await _app.WithDbAsync(db => db.PeerReviews.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((new DateOnly(2027, 1, 15), new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 2)),
            (review.SelfAssessmentDueOn, review.OnSiteStartsOn, review.OnSiteEndsOn));
        var shown = await coordinator.GetDocumentAsync($"/reviews/{id}");
        Assert.Contains("1 February 2027 to 2 February 2027", shown.QuerySelector("main dl")!.TextContent);
        Assert.Contains("The host's chief executive is away that week.", shown.QuerySelector("main dl")!.TextContent);

        // In the same save: an email to each of the team and the host's staff, with the new dates and the reason.
        var emails = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.DeduplicationKey.StartsWith($"review:{id}:rescheduled")).ToListAsync());
        var birminghamStaff = await _app.WithDbAsync(db => db.Users.Where(u => u.IsActive && u.Role == LspCapacity.Web.Domain.Accounts.Roles.LspStaff
            && u.PartnershipId == review.HostPartnershipId).Select(u => u.Email!).ToListAsync());
        Assert.Equal(new[] { Demo.Mentor, Demo.StaffCoventry }.Concat(birminghamStaff).Order(), emails.Select(m => m.ToAddress).Order());
        Assert.Contains(Demo.StaffBirmingham, birminghamStaff);
        Assert.All(emails, m =>
        {
            Assert.Equal("Peer review of Birmingham: the dates have changed", m.Subject);
            Assert.Contains("On site: 1 February 2027 to 2 February 2027", m.TextBody);
            Assert.Contains("Why: The host's chief executive is away that week.", m.TextBody);
            Assert.Contains("on site 11 January 2027 to 13 January 2027", m.TextBody);
        });
    }
}
