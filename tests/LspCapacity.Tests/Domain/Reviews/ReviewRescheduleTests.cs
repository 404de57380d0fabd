using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Reviews;
using static LspCapacity.Tests.Domain.Reviews.TestReviews;

namespace LspCapacity.Tests.Domain.Reviews;

/// <summary>
/// A coordinator moves a review's dates before the findings are written, with a reason; the stages'
/// date rules follow the new dates. (<see cref="TestReviews.New"/>: scoping in 7 days, self-assessment
/// due in 28, on site from day 42 to day 44.)
/// </summary>
public class ReviewRescheduleTests
{
    private const string Reason = "The host's chief executive is away that week.";

    [Fact]
    public void Reschedule_AnEarlierVisit_CanBeEndedFromItsNewFirstDay()
    {
        var review = At(ReviewStage.OnSite);
        var newStart = Today.AddDays(10);
        Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, Lead, newStart, Now));

        review.Reschedule(ReviewActor.Coordinator, review.ScopingOn, review.ScopingOn.AddDays(1), newStart, newStart.AddDays(1), Reason, Today, Now);

        Assert.Equal((newStart, newStart.AddDays(1)), (review.OnSiteStartsOn, review.OnSiteEndsOn));
        Assert.Equal(Reason, review.RescheduleReason);
        Assert.Equal(Now, review.RescheduledAt);
        review.AddFinding(ReviewActor.Lead, Lead, ThemeA, FindingKind.Strength, "A strong compact.", newStart, Now);
        review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, Lead, newStart, Now);
        Assert.Equal(ReviewStage.Findings, review.Stage);
    }

    [Fact]
    public void Reschedule_ALaterVisit_RefusesFindingsAndEndingItOnTheOldDates()
    {
        var review = At(ReviewStage.OnSite);
        var oldStart = review.OnSiteStartsOn;
        review.Reschedule(ReviewActor.Coordinator, review.ScopingOn, review.SelfAssessmentDueOn, oldStart.AddDays(14), oldStart.AddDays(15), Reason, Today, Now);

        Assert.StartsWith("The visit has not started yet",
            Assert.Throws<DomainException>(() => review.AddFinding(ReviewActor.Lead, Lead, ThemeA, FindingKind.Strength, "Too soon.", oldStart, Now)).Message);
        Assert.Equal("The on-site visit has not started yet.",
            Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, Lead, oldStart, Now)).Message);
        review.AddFinding(ReviewActor.Lead, Lead, ThemeA, FindingKind.Strength, "Now we are here.", oldStart.AddDays(14), Now);
    }

    [Theory]
    [InlineData(ReviewStage.Scoping)]
    [InlineData(ReviewStage.SelfAssessment)]
    [InlineData(ReviewStage.OnSite)]
    public void Reschedule_IsOpen_AtEveryStageBeforeTheFindings(ReviewStage stage)
    {
        var review = At(stage);
        review.Reschedule(ReviewActor.Coordinator, review.ScopingOn, review.SelfAssessmentDueOn, review.OnSiteStartsOn.AddDays(7),
            review.OnSiteEndsOn.AddDays(7), Reason, Today, Now);
        Assert.Equal(Today.AddDays(49), review.OnSiteStartsOn);
    }

    [Theory]
    [InlineData(ReviewStage.Findings)]
    [InlineData(ReviewStage.ReportAgreed)]
    [InlineData(ReviewStage.Closed)]
    public void Reschedule_OnceTheFindingsAreBeingWritten_IsRefused(ReviewStage stage)
    {
        var review = At(stage);
        Assert.Equal("The dates cannot change once the findings are being written.",
            Assert.Throws<DomainException>(() => review.Reschedule(ReviewActor.Coordinator, review.ScopingOn, review.SelfAssessmentDueOn,
                review.OnSiteStartsOn, review.OnSiteEndsOn.AddDays(1), Reason, Today, Now)).Message);
    }

    [Theory]
    [InlineData(ReviewActor.Lead)]
    [InlineData(ReviewActor.Peer)]
    [InlineData(ReviewActor.Host)]
    public void Reschedule_ByAnyoneButACoordinator_IsRefused(ReviewActor actor)
    {
        var review = At(ReviewStage.SelfAssessment);
        Assert.Equal("Only a coordinator can change the review's dates.",
            Assert.Throws<DomainException>(() => review.Reschedule(actor, review.ScopingOn, review.SelfAssessmentDueOn,
                review.OnSiteStartsOn.AddDays(7), review.OnSiteEndsOn.AddDays(7), Reason, Today, Now)).Message);
        Assert.Equal(Today.AddDays(42), review.OnSiteStartsOn);
    }

    [Fact]
    public void Reschedule_NeedsAReason_AndAChange()
    {
        var review = At(ReviewStage.Scoping);
        Assert.Equal("The reason for the change is required.",
            Assert.Throws<DomainException>(() => review.Reschedule(ReviewActor.Coordinator, review.ScopingOn, review.SelfAssessmentDueOn,
                review.OnSiteStartsOn.AddDays(7), review.OnSiteEndsOn.AddDays(7), " ", Today, Now)).Message);
        Assert.Equal("These are the review's dates already: change at least one.",
            Assert.Throws<DomainException>(() => review.Reschedule(ReviewActor.Coordinator, review.ScopingOn, review.SelfAssessmentDueOn,
                review.OnSiteStartsOn, review.OnSiteEndsOn, Reason, Today, Now)).Message);
        Assert.Null(review.RescheduledAt);
    }

    [Fact]
    public void Reschedule_KeepsTheSetUpOrder_AndNeverMovesTheVisitIntoThePast()
    {
        var review = At(ReviewStage.SelfAssessment);
        void Refused(string message, int scoping, int due, int starts, int ends) =>
            Assert.Equal(message, Assert.Throws<DomainException>(() => review.Reschedule(ReviewActor.Coordinator, Today.AddDays(scoping),
                Today.AddDays(due), Today.AddDays(starts), Today.AddDays(ends), Reason, Today, Now)).Message);

        Refused("The on-site visit must start after the scoping date.", 7, 28, 7, 8);
        Refused("The on-site visit must end on or after the day it starts.", 7, 28, 42, 41);
        Refused("The self-assessment must be due between the scoping date and the on-site visit.", 7, 42, 42, 44);
        Refused("The on-site visit cannot be moved to a day that has passed.", -20, -15, -1, 44);
        Assert.Equal(Today.AddDays(42), review.OnSiteStartsOn);

        // During the visit: its last day cannot become a day already gone.
        var visiting = At(ReviewStage.OnSite);
        var start = visiting.OnSiteStartsOn;
        Assert.Equal("The last day on site cannot be moved to a day that has passed.",
            Assert.Throws<DomainException>(() => visiting.Reschedule(ReviewActor.Coordinator, visiting.ScopingOn, visiting.SelfAssessmentDueOn,
                start, start.AddDays(1), Reason, start.AddDays(2), Now)).Message);
    }

    [Fact]
    public void Reschedule_TheFirstDay_OnceFindingsAreRecorded_IsRefused_ButTheVisitCanRunLonger()
    {
        var review = At(ReviewStage.OnSite);
        var start = review.OnSiteStartsOn;
        review.AddFinding(ReviewActor.Lead, Lead, ThemeA, FindingKind.Strength, "A strong compact.", start, Now);
        Assert.Equal("Findings from the visit are already recorded, so its first day cannot change.",
            Assert.Throws<DomainException>(() => review.Reschedule(ReviewActor.Coordinator, review.ScopingOn, review.SelfAssessmentDueOn,
                start.AddDays(7), start.AddDays(8), Reason, start, Now)).Message);
        review.Reschedule(ReviewActor.Coordinator, review.ScopingOn, review.SelfAssessmentDueOn, start, start.AddDays(5), "A third day is needed.", start, Now);
        Assert.Equal(start.AddDays(5), review.OnSiteEndsOn);
    }

    [Fact]
    public void Findings_BeforeTheVisitStarts_AreRefused_EvenOnceTheSelfAssessmentIsIn()
    {
        var review = At(ReviewStage.OnSite);
        var dayBefore = review.OnSiteStartsOn.AddDays(-1);
        Assert.Throws<DomainException>(() => review.AddFinding(ReviewActor.Lead, Lead, ThemeA, FindingKind.Strength, "Early.", dayBefore, Now));
        Assert.Throws<DomainException>(() => review.AddRecommendation(ReviewActor.Lead, ThemeA, "Early.", dayBefore, Now));
        Assert.Throws<DomainException>(() => review.WriteReportSummary(ReviewActor.Lead, "Early.", dayBefore));
        Assert.Empty(review.Findings);
        review.AddFinding(ReviewActor.Lead, Lead, ThemeA, FindingKind.Strength, "On the day.", review.OnSiteStartsOn, Now);
    }
}

public class ReviewEarlyFollowUpTests
{
    [Fact]
    public void FollowUp_BeforeTheProgressReviewDate_NeedsTheCoordinatorsReason()
    {
        var review = At(ReviewStage.ActionPlan);
        var due = review.ProgressReviewOn!.Value;
        var early = due.AddDays(-1);
        var e = Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.ActionPlan, ReviewActor.Coordinator, "c", early, Now));
        Assert.StartsWith("The progress review is due on", e.Message);
        Assert.EndsWith("to start the follow-up earlier, say why.", e.Message);
        Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.ActionPlan, ReviewActor.Coordinator, "c", early, Now, "  "));
        Assert.Equal(ReviewStage.ActionPlan, review.Stage);

        review.MoveOn(ReviewStage.ActionPlan, ReviewActor.Coordinator, "c", early, Now, " The board wants to see progress before the budget. ");
        Assert.Equal(ReviewStage.FollowUp, review.Stage);
        Assert.Equal("The board wants to see progress before the budget.", review.EarlyFollowUpReason);
    }

    [Fact]
    public void FollowUp_OnTheProgressReviewDate_NeedsNoReason()
    {
        var review = At(ReviewStage.ActionPlan);
        review.MoveOn(ReviewStage.ActionPlan, ReviewActor.Coordinator, "c", review.ProgressReviewOn!.Value, Now);
        Assert.Equal(ReviewStage.FollowUp, review.Stage);
        Assert.Null(review.EarlyFollowUpReason);
    }
}
