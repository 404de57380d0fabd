using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Reviews;
using static LspCapacity.Tests.Domain.Reviews.TestReviews;

namespace LspCapacity.Tests.Domain.Reviews;

public class ReviewStageTests
{
    public static TheoryData<ReviewStage, ReviewActor> Movers => new()
    {
        { ReviewStage.Scoping, ReviewActor.Coordinator },
        { ReviewStage.SelfAssessment, ReviewActor.Host },
        { ReviewStage.OnSite, ReviewActor.Lead },
        { ReviewStage.Findings, ReviewActor.Host },
        { ReviewStage.ReportAgreed, ReviewActor.Lead },
        { ReviewStage.ActionPlan, ReviewActor.Coordinator },
        { ReviewStage.FollowUp, ReviewActor.Coordinator },
    };

    [Fact]
    public void AReview_GoesThroughEveryStage_InOrder_ToClosed()
    {
        var review = At(ReviewStage.Closed);
        Assert.Equal(ReviewStage.Closed, review.Stage);
        Assert.NotNull(review.SelfAssessmentSubmittedAt);
        Assert.NotNull(review.ClosedOn);
    }

    [Theory]
    [MemberData(nameof(Movers))]
    public void MoveOn_ByAnyOtherRole_IsRefused(ReviewStage from, ReviewActor mover)
    {
        foreach (var other in new[] { ReviewActor.Coordinator, ReviewActor.Lead, ReviewActor.Peer, ReviewActor.Host, ReviewActor.None }.Where(a => a != mover))
        {
            var review = At(from);
            PrepareToLeave(review);
            var e = Assert.Throws<DomainException>(() => review.MoveOn(from, other, "someone", review.OnSiteEndsOn.AddDays(1), Now));
            Assert.StartsWith($"Only {ReviewStages.Who(mover)}", e.Message);
            Assert.Equal(from, review.Stage);
        }
    }

    [Theory]
    [MemberData(nameof(Movers))]
    public void MoveOn_FromAStageTheReviewIsNotAt_IsRefused_SoNoStageIsSkipped(ReviewStage from, ReviewActor mover)
    {
        // Someone who saw an older stage (or guesses a later one) cannot move the review past the stage it is at.
        Assert.Equal(mover, ReviewStages.MovedOnBy(from));
        var review = At(from);
        PrepareToLeave(review);
        foreach (var stale in ReviewStages.All.Where(s => s != from))
        {
            Assert.Throws<DomainException>(() => review.MoveOn(stale, ReviewStages.MovedOnBy(stale), "someone", review.OnSiteEndsOn.AddDays(1), Now));
        }
        Assert.Equal(from, review.Stage);
        review.MoveOn(from, mover, "someone", review.ProgressReviewOn ?? review.OnSiteEndsOn.AddDays(1), Now);
        Assert.Equal(from + 1, review.Stage);
    }

    [Fact]
    public void MoveOn_TwiceFromTheSameStage_MovesOnlyOnce()
    {
        var review = At(ReviewStage.ActionPlan);
        var due = review.ProgressReviewOn!.Value;
        review.MoveOn(ReviewStage.ActionPlan, ReviewActor.Coordinator, "c", due, Now);
        Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.ActionPlan, ReviewActor.Coordinator, "c", due, Now));
        Assert.Equal(ReviewStage.FollowUp, review.Stage);
    }

    [Fact]
    public void Closed_CannotMoveOn()
    {
        var review = At(ReviewStage.Closed);
        Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.Closed, ReviewActor.Coordinator, "c", Today, Now));
    }

    [Fact]
    public void Scoping_NeedsALeadAndAPeer()
    {
        var review = New();
        Assert.Equal("Appoint a lead reviewer first.",
            Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, "c", Today, Now)).Message);
        review.AddMember(ReviewActor.Coordinator, Lead, OtherPartnership, TeamRole.Lead);
        Assert.Equal("Add at least one peer reviewer first.",
            Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, "c", Today, Now)).Message);
    }

    [Fact]
    public void SelfAssessment_MustCoverEveryFocusTheme()
    {
        var review = At(ReviewStage.SelfAssessment);
        review.SaveSelfAssessment(ReviewActor.Host, HostStaff, ThemeA, 3, "Some evidence.", Now);
        Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.SelfAssessment, ReviewActor.Host, HostStaff, Today, Now));
        review.SaveSelfAssessment(ReviewActor.Host, HostStaff, ThemeB, 3, "More evidence.", Now);
        review.MoveOn(ReviewStage.SelfAssessment, ReviewActor.Host, HostStaff, Today, Now);
        Assert.Throws<DomainException>(() => review.SaveSelfAssessment(ReviewActor.Host, HostStaff, ThemeA, 5, "Too late.", Now));
    }

    [Fact]
    public void SelfAssessment_IsForTheHostOnly()
    {
        var review = At(ReviewStage.SelfAssessment);
        Assert.Throws<DomainException>(() => review.SaveSelfAssessment(ReviewActor.Lead, Lead, ThemeA, 3, "Not mine.", Now));
        Assert.Throws<DomainException>(() => review.SaveSelfAssessment(ReviewActor.Coordinator, "c", ThemeA, 3, "Not mine.", Now));
    }

    [Fact]
    public void OnSite_CannotEndBeforeTheVisitStarts()
    {
        var review = At(ReviewStage.OnSite);
        Assert.Equal("The on-site visit has not started yet.",
            Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, Lead, review.OnSiteStartsOn.AddDays(-1), Now)).Message);
    }

    [Fact]
    public void ReportAgreed_NeedsSummaryFindingsAndARecommendation_AndSetsTheProgressReviewTenMonthsLater()
    {
        var review = At(ReviewStage.Findings);
        Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.Findings, ReviewActor.Host, HostStaff, Today, Now));
        SetId(review.AddRecommendation(ReviewActor.Lead, null, "Publish a performance scorecard.", review.OnSiteEndsOn, Now), 1);
        Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.Findings, ReviewActor.Host, HostStaff, Today, Now));
        review.WriteReportSummary(ReviewActor.Lead, "Summary.", review.OnSiteEndsOn);
        var agreedOn = new DateOnly(2027, 1, 20);
        review.MoveOn(ReviewStage.Findings, ReviewActor.Host, HostStaff, agreedOn, Now);
        Assert.Equal(agreedOn, review.ReportAgreedOn);
        Assert.Equal(new DateOnly(2027, 11, 20), review.ProgressReviewOn);
    }

    [Fact]
    public void ActionPlan_NeedsAnActionForEveryRecommendation()
    {
        var review = At(ReviewStage.ReportAgreed);
        Assert.Equal("Every recommendation needs at least one action before the action plan is agreed.",
            Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.ReportAgreed, ReviewActor.Lead, Lead, Today, Now)).Message);
    }

    [Fact]
    public void Closing_NeedsTheFollowUpRecorded()
    {
        var review = At(ReviewStage.FollowUp);
        Assert.Throws<DomainException>(() => review.MoveOn(ReviewStage.FollowUp, ReviewActor.Coordinator, "c", Today, Now));
    }

    /// <summary>Does the work of the review's current stage, so only the role decides whether it may move on.</summary>
    private static void PrepareToLeave(PeerReview review)
    {
        switch (review.Stage)
        {
            case ReviewStage.SelfAssessment:
                review.SaveSelfAssessment(ReviewActor.Host, HostStaff, ThemeA, 2, "Evidence.", Now);
                review.SaveSelfAssessment(ReviewActor.Host, HostStaff, ThemeB, 2, "Evidence.", Now);
                break;
            case ReviewStage.OnSite:
                break;
            case ReviewStage.Findings:
                SetId(review.AddRecommendation(ReviewActor.Lead, ThemeA, "Recommendation.", review.OnSiteEndsOn, Now), 100);
                review.WriteReportSummary(ReviewActor.Lead, "Summary.", review.OnSiteEndsOn);
                break;
            case ReviewStage.ReportAgreed:
                review.AddAction(ReviewActor.Host, 100, "Action.", "Owner", Today.AddMonths(3), Today, Now);
                break;
            case ReviewStage.FollowUp:
                review.RecordFollowUp(ReviewActor.Lead, "Done.");
                break;
        }
    }
}
