using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Jobs;

/// <summary>Reviews of Birmingham (host staff: Sam) by the demo mentor (lead) and Jo Coventry (peer); the clock starts on 25 November 2026.</summary>
public sealed class ReviewReminderJobTests : SmtpAppTest
{
    private Task<int> RemindAsync() => App.RunAsync<ReviewReminderJob, int>(j => j.RemindAsync());

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A review brought to <paramref name="stage"/> through its own rules, with an action due on <paramref name="actionDue"/>.</summary>
    private Task<int> ReviewAsync(ReviewStage stage, DateOnly onSite, DateOnly selfAssessmentDue, DateOnly? actionDue = null) =>
        App.WithDbAsync(async db =>
        {
            var host = await db.Partnerships.Where(p => p.Name == "Birmingham").Select(p => new { p.Id, p.RegionId }).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == Demo.Mentor).Select(u => u.Id).SingleAsync();
            var peer = await db.Users.Where(u => u.Email == Demo.StaffCoventry).Select(u => new { u.Id, u.PartnershipId }).SingleAsync();
            var hostStaff = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
            var theme = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync();
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var start = selfAssessmentDue.AddDays(-10); // "today" when it was set up: the rules see dates as they were
            var review = new PeerReview(host.RegionId, host.Id, [theme], null, start, selfAssessmentDue, onSite, onSite.AddDays(1), start, now);
            review.AddMember(ReviewActor.Coordinator, lead, null, TeamRole.Lead);
            review.AddMember(ReviewActor.Coordinator, peer.Id, peer.PartnershipId, TeamRole.Peer);
            db.PeerReviews.Add(review);
            await db.SaveChangesAsync();
            if (stage > ReviewStage.Scoping) review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, "c", start, now);
            if (stage > ReviewStage.SelfAssessment)
            {
                review.SaveSelfAssessment(ReviewActor.Host, hostStaff, theme, 3, "Evidence.", now);
                review.MoveOn(ReviewStage.SelfAssessment, ReviewActor.Host, hostStaff, start, now);
            }
            if (stage > ReviewStage.OnSite)
            {
                review.AddFinding(ReviewActor.Lead, lead, theme, FindingKind.Strength, "A strong board.", onSite, now);
                review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, lead, onSite, now);
            }
            if (stage > ReviewStage.Findings)
            {
                review.AddRecommendation(ReviewActor.Lead, theme, "Publish a scorecard.", onSite, now);
                review.WriteReportSummary(ReviewActor.Lead, "Summary.", onSite);
                await db.SaveChangesAsync();
                review.MoveOn(ReviewStage.Findings, ReviewActor.Host, hostStaff, onSite.AddDays(2), now);
            }
            if (stage > ReviewStage.ReportAgreed)
            {
                review.AddAction(ReviewActor.Host, review.Recommendations[0].Id, "Publish the scorecard.", "Head of Policy", actionDue!.Value, onSite.AddDays(2), now);
                review.MoveOn(ReviewStage.ReportAgreed, ReviewActor.Lead, lead, onSite.AddDays(2), now);
            }
            if (stage > ReviewStage.ActionPlan) review.MoveOn(ReviewStage.ActionPlan, ReviewActor.Coordinator, "c", onSite.AddDays(3), now, "The board asked for it early.");
            if (stage > ReviewStage.FollowUp)
            {
                review.RecordFollowUp(ReviewActor.Coordinator, "Done.");
                review.MoveOn(ReviewStage.FollowUp, ReviewActor.Coordinator, "c", onSite.AddDays(3), now);
            }
            await db.SaveChangesAsync();
            return review.Id;
        });

    [Fact]
    public async Task Briefing_AndSelfAssessment_GoOnce_ThroughSmtp()
    {
        // On site in 6 days (team briefing), self-assessment due in 2 days (host staff).
        await ReviewAsync(ReviewStage.SelfAssessment, Today.AddDays(6), Today.AddDays(2));
        Assert.Equal(3, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        await App.DeliverOutboxAsync();
        var briefings = Smtp.Received.Where(m => (m.Subject ?? "").StartsWith("Peer review of Birmingham: the visit is on", StringComparison.Ordinal)).ToList();
        Assert.Equal([Demo.Mentor, Demo.StaffCoventry], briefings.Select(m => m.To.Mailboxes.Single().Address).Order());
        var due = Assert.Single(Smtp.Received, m => (m.Subject ?? "").Contains("your self-assessment is due on", StringComparison.Ordinal));
        Assert.Equal(Demo.StaffBirmingham, due.To.Mailboxes.Single().Address);
        Assert.Contains("/self-assessment", due.TextBody);

        // A missed deadline is reminded once more; nothing else repeats.
        App.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
    }

    [Fact]
    public async Task ActionsDueAndOverdue_AndTheFollowUp_GoOncePerItem()
    {
        var id = await ReviewAsync(ReviewStage.ActionPlan, Today.AddDays(-60), Today.AddDays(-70), actionDue: Today.AddDays(5));
        await App.WithDbAsync(async db =>
        {
            var review = await db.PeerReviews.SingleAsync(r => r.Id == id);
            review.SetProgressReviewDate(ReviewActor.Coordinator, Today.AddDays(10));
            await db.SaveChangesAsync();
        });
        // Action due in 5 days: host staff and lead. Follow-up in 10 days: the coordinator and the lead.
        Assert.Equal(4, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        await App.DeliverOutboxAsync();
        Assert.Equal(2, Smtp.Received.Count(m => (m.Subject ?? "") == "Peer review action due soon: Birmingham"));
        var followUps = Smtp.Received.Where(m => (m.Subject ?? "").Contains("the progress review is due", StringComparison.Ordinal)).ToList();
        Assert.Equal([Demo.Coordinator, Demo.Mentor], followUps.Select(m => m.To.Mailboxes.Single().Address).Order());

        // Once overdue, one more each; then quiet.
        App.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(2, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        await App.DeliverOutboxAsync();
        Assert.Equal(2, Smtp.Received.Count(m => (m.Subject ?? "") == "Peer review action overdue: Birmingham"));
    }

    [Fact]
    public async Task ClosedReview_GetsNothing()
    {
        // Everything about it is due or overdue: the visit, the action, the progress review. But it is closed.
        await ReviewAsync(ReviewStage.Closed, Today.AddDays(3), Today.AddDays(1), actionDue: Today.AddDays(5));
        App.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await RemindAsync());
        await App.DeliverOutboxAsync();
        Assert.Empty(Smtp.Received);
    }
}
