using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Reviews;
using static LspCapacity.Tests.Domain.Reviews.TestReviews;

namespace LspCapacity.Tests.Domain.Reviews;

public class ReviewSetUpTests
{
    private static PeerReview Create(int scoping, int due, int onSiteStarts, int onSiteEnds, params int[] themes) =>
        new(1, Host, themes.Length == 0 ? [ThemeA] : themes, null, Today.AddDays(scoping), Today.AddDays(due),
            Today.AddDays(onSiteStarts), Today.AddDays(onSiteEnds), Today, Now);

    [Fact]
    public void New_StartsAtScoping()
    {
        var review = Create(7, 20, 30, 31);
        Assert.Equal(ReviewStage.Scoping, review.Stage);
        Assert.Null(review.ProgressReviewOn);
    }

    [Fact]
    public void OnSite_BeforeTheScopingDate_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Create(30, 20, 14, 15));
        Assert.Equal("The on-site visit must start after the scoping date.", e.Message);
    }

    [Fact]
    public void OnSite_EndingBeforeItStarts_IsRefused() =>
        Assert.Throws<DomainException>(() => Create(7, 20, 30, 29));

    [Theory]
    [InlineData(6)]
    [InlineData(30)]
    [InlineData(35)]
    public void SelfAssessment_DueOutsideScopingToVisit_IsRefused(int due) =>
        Assert.Throws<DomainException>(() => Create(7, due, 30, 31));

    [Fact]
    public void OnSite_InThePast_IsRefused() =>
        Assert.Throws<DomainException>(() => Create(-30, -20, -10, -9));

    [Fact]
    public void FocusThemes_AreRequired() =>
        Assert.Throws<DomainException>(() => new PeerReview(1, Host, [], null, Today, Today.AddDays(1), Today.AddDays(2), Today.AddDays(2), Today, Now));
}

public class ReviewActionPlanTests
{
    [Fact]
    public void AddAction_WithADueDateInThePast_IsRefused()
    {
        var review = At(ReviewStage.ReportAgreed);
        var e = Assert.Throws<DomainException>(() => review.AddAction(ReviewActor.Host, 100, "Act.", "Owner", Today.AddDays(-1), Today, Now));
        Assert.Equal("The due date cannot be in the past.", e.Message);
    }

    [Fact]
    public void AddAction_WithoutAnOwner_IsRefused()
    {
        var review = At(ReviewStage.ReportAgreed);
        Assert.Equal("The owner is required.",
            Assert.Throws<DomainException>(() => review.AddAction(ReviewActor.Host, 100, "Act.", " ", Today, Today, Now)).Message);
    }

    [Fact]
    public void AddAction_ForARecommendationOfAnotherReview_IsRefused()
    {
        var review = At(ReviewStage.ReportAgreed);
        Assert.Throws<DomainException>(() => review.AddAction(ReviewActor.Host, 999, "Act.", "Owner", Today, Today, Now));
    }

    [Theory]
    [InlineData(ReviewActor.Peer)]
    [InlineData(ReviewActor.Coordinator)]
    [InlineData(ReviewActor.None)]
    public void AddAction_ByNeitherHostNorLead_IsRefused(ReviewActor actor)
    {
        var review = At(ReviewStage.ReportAgreed);
        Assert.Throws<DomainException>(() => review.AddAction(actor, 100, "Act.", "Owner", Today, Today, Now));
    }

    [Fact]
    public void AddAction_BeforeTheReportIsAgreed_IsRefused()
    {
        var review = At(ReviewStage.Findings);
        Assert.Throws<DomainException>(() => review.AddAction(ReviewActor.Host, 100, "Act.", "Owner", Today, Today, Now));
    }

    [Fact]
    public void RecordProgress_KeepsAHistory_AndSetsTheStatus()
    {
        var review = At(ReviewStage.ActionPlan);
        var action = SetId(review.Actions.Single(), 7);
        review.RecordProgress(ReviewActor.Host, HostStaff, 7, ActionStatus.InProgress, "Owners drafted.", Now);
        review.RecordProgress(ReviewActor.Coordinator, "c", 7, ActionStatus.Done, "Board agreed them.", Now.AddDays(30));
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(["Owners drafted.", "Board agreed them."], action.Updates.Select(u => u.Note));
        Assert.Throws<DomainException>(() => review.RecordProgress(ReviewActor.Peer, Peer, 7, ActionStatus.Done, "Not mine.", Now));
    }

    [Fact]
    public void ProgressReviewDate_MustFollowTheReport_AndOnlyACoordinatorSetsIt()
    {
        var review = At(ReviewStage.ActionPlan);
        Assert.Throws<DomainException>(() => review.SetProgressReviewDate(ReviewActor.Coordinator, review.ReportAgreedOn!.Value));
        Assert.Throws<DomainException>(() => review.SetProgressReviewDate(ReviewActor.Lead, review.ReportAgreedOn!.Value.AddMonths(6)));
        review.SetProgressReviewDate(ReviewActor.Coordinator, review.ReportAgreedOn!.Value.AddMonths(6));
        Assert.Equal(review.ReportAgreedOn!.Value.AddMonths(6), review.ProgressReviewOn);
    }

    [Fact]
    public void Findings_AreForTheTeam_DuringAndAfterTheVisit()
    {
        var onSite = At(ReviewStage.Findings).OnSiteStartsOn;
        Assert.Throws<DomainException>(() => At(ReviewStage.SelfAssessment).AddFinding(ReviewActor.Lead, Lead, ThemeA, FindingKind.Strength, "Too early.", onSite, Now));
        Assert.Throws<DomainException>(() => At(ReviewStage.Findings).AddFinding(ReviewActor.Host, HostStaff, ThemeA, FindingKind.Strength, "Not the team.", onSite, Now));
        Assert.Throws<DomainException>(() => At(ReviewStage.Findings).AddFinding(ReviewActor.Peer, Peer, 99, FindingKind.Strength, "Not a focus theme.", onSite, Now));
        var review = At(ReviewStage.Findings);
        review.AddFinding(ReviewActor.Peer, Peer, ThemeB, FindingKind.Strength, "A strong compact with the voluntary sector.", onSite, Now);
        Assert.Equal(2, review.Findings.Count);
    }
}

public class ReviewPublishingTests
{
    [Fact]
    public void Consent_IsTheHostsOnce_AfterTheReportIsAgreed()
    {
        Assert.Throws<DomainException>(() => At(ReviewStage.Findings).ConsentToPublish(ReviewActor.Host, HostStaff, "Summary.", Now));
        var review = At(ReviewStage.ReportAgreed);
        Assert.Throws<DomainException>(() => review.ConsentToPublish(ReviewActor.Lead, Lead, "Summary.", Now));
        Assert.Throws<DomainException>(() => review.ConsentToPublish(ReviewActor.Coordinator, "c", "Summary.", Now));
        review.ConsentToPublish(ReviewActor.Host, HostStaff, "What we learned.", Now);
        Assert.Equal("What we learned.", review.PublicSummary);
        Assert.Throws<DomainException>(() => review.ConsentToPublish(ReviewActor.Host, HostStaff, "Again.", Now));
    }
}
