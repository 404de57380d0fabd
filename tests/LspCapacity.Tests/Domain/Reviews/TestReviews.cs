using LspCapacity.Web.Domain.Reviews;

namespace LspCapacity.Tests.Domain.Reviews;

/// <summary>Reviews built in memory, and moved through their stages as the right people would.</summary>
internal static class TestReviews
{
    public const int Host = 10;
    public const int OtherPartnership = 20;
    public const int ThemeA = 1;
    public const int ThemeB = 2;
    public const string Lead = "lead";
    public const string Peer = "peer";
    public const string HostStaff = "host";
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    public static PeerReview New() =>
        new(1, Host, [ThemeA, ThemeB], "How the board holds partners to account.", Today.AddDays(7), Today.AddDays(28),
            Today.AddDays(42), Today.AddDays(44), Today, Now);

    public static PeerReview WithTeam()
    {
        var review = New();
        review.AddMember(ReviewActor.Coordinator, Lead, OtherPartnership, TeamRole.Lead);
        review.AddMember(ReviewActor.Coordinator, Peer, null, TeamRole.Peer);
        return review;
    }

    /// <summary>A review brought to <paramref name="stage"/> with the work each earlier stage needs.</summary>
    public static PeerReview At(ReviewStage stage)
    {
        var review = WithTeam();
        var today = Today;
        while (review.Stage < stage)
        {
            switch (review.Stage)
            {
                case ReviewStage.Scoping:
                    review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, "coordinator", today, Now);
                    break;
                case ReviewStage.SelfAssessment:
                    review.SaveSelfAssessment(ReviewActor.Host, HostStaff, ThemeA, 2, "Little shared data.", Now);
                    review.SaveSelfAssessment(ReviewActor.Host, HostStaff, ThemeB, 4, "A strong compact.", Now);
                    review.MoveOn(ReviewStage.SelfAssessment, ReviewActor.Host, HostStaff, today, Now);
                    break;
                case ReviewStage.OnSite:
                    today = review.OnSiteStartsOn;
                    review.AddFinding(ReviewActor.Lead, Lead, ThemeA, FindingKind.AreaForImprovement, "Targets have no owners.", today, Now);
                    review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, Lead, today, Now);
                    break;
                case ReviewStage.Findings:
                    today = review.OnSiteEndsOn;
                    SetId(review.AddRecommendation(ReviewActor.Peer, ThemeA, "Name an owner for every LAA target.", today, Now), 100);
                    review.WriteReportSummary(ReviewActor.Lead, "A committed partnership that needs sharper performance management.", today);
                    review.MoveOn(ReviewStage.Findings, ReviewActor.Host, HostStaff, today, Now);
                    break;
                case ReviewStage.ReportAgreed:
                    review.AddAction(ReviewActor.Host, 100, "Agree target owners at the board.", "Head of Policy", today.AddMonths(2), today, Now);
                    review.MoveOn(ReviewStage.ReportAgreed, ReviewActor.Lead, Lead, today, Now);
                    break;
                case ReviewStage.ActionPlan:
                    today = review.ProgressReviewOn!.Value; // the follow-up starts on the progress review date
                    review.MoveOn(ReviewStage.ActionPlan, ReviewActor.Coordinator, "coordinator", today, Now);
                    break;
                case ReviewStage.FollowUp:
                    review.RecordFollowUp(ReviewActor.Coordinator, "Owners named; reporting is monthly.");
                    review.MoveOn(ReviewStage.FollowUp, ReviewActor.Coordinator, "coordinator", today, Now);
                    break;
            }
        }
        return review;
    }

    /// <summary>Gives an entity the key the database would (rules refer to children by id).</summary>
    public static T SetId<T>(T entity, int id)
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }
}
