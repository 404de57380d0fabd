namespace LspCapacity.Web.Domain.Reviews;

/// <summary>The stages of a peer review, in the only order they can be taken.</summary>
public enum ReviewStage
{
    Scoping = 1,
    SelfAssessment = 2,
    OnSite = 3,
    Findings = 4,
    ReportAgreed = 5,
    ActionPlan = 6,
    FollowUp = 7,
    Closed = 8,
}

/// <summary>What a person is to one review. A person may be more than one (a coordinator is never on a team).</summary>
[Flags]
public enum ReviewActor
{
    None = 0,
    Coordinator = 1,
    Lead = 2,
    Peer = 4,
    Host = 8,
    Team = Lead | Peer,
}

public enum TeamRole
{
    Lead = 1,
    Peer = 2,
}

public enum FindingKind
{
    Strength = 1,
    AreaForImprovement = 2,
}

public enum ActionStatus
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

/// <summary>Who moves each stage on, and the words for stages and roles.</summary>
public static class ReviewStages
{
    public static IReadOnlyList<ReviewStage> All { get; } = Enum.GetValues<ReviewStage>();

    public static ReviewStage? Next(ReviewStage stage) => stage == ReviewStage.Closed ? null : stage + 1;

    /// <summary>
    /// The one role that may move a review on from <paramref name="from"/>: the coordinator closes scoping,
    /// the follow-up and the review; the host submits its self-assessment and agrees the report; the lead
    /// ends the visit and agrees the action plan.
    /// </summary>
    public static ReviewActor MovedOnBy(ReviewStage from) => from switch
    {
        ReviewStage.Scoping => ReviewActor.Coordinator,
        ReviewStage.SelfAssessment => ReviewActor.Host,
        ReviewStage.OnSite => ReviewActor.Lead,
        ReviewStage.Findings => ReviewActor.Host,
        ReviewStage.ReportAgreed => ReviewActor.Lead,
        ReviewStage.ActionPlan => ReviewActor.Coordinator,
        ReviewStage.FollowUp => ReviewActor.Coordinator,
        _ => ReviewActor.None,
    };

    public static string Name(ReviewStage stage) => stage switch
    {
        ReviewStage.Scoping => "Scoping",
        ReviewStage.SelfAssessment => "Self-assessment",
        ReviewStage.OnSite => "On-site",
        ReviewStage.Findings => "Findings",
        ReviewStage.ReportAgreed => "Report agreed",
        ReviewStage.ActionPlan => "Action plan",
        ReviewStage.FollowUp => "Follow-up",
        _ => "Closed",
    };

    /// <summary>What moving on from a stage means, as the button says it.</summary>
    public static string MoveOnText(ReviewStage from) => from switch
    {
        ReviewStage.Scoping => "Scoping is done: open the self-assessment",
        ReviewStage.SelfAssessment => "Our self-assessment is complete: ready for the visit",
        ReviewStage.OnSite => "The visit is over: write up the findings",
        ReviewStage.Findings => "We agree the report",
        ReviewStage.ReportAgreed => "The action plan is agreed",
        ReviewStage.ActionPlan => "Start the follow-up",
        ReviewStage.FollowUp => "Close the review",
        _ => "",
    };

    public static string Who(ReviewActor actor) => actor switch
    {
        ReviewActor.Coordinator => "a coordinator",
        ReviewActor.Lead => "the lead reviewer",
        ReviewActor.Host => "the host partnership's staff",
        _ => "nobody",
    };

    public static string Role(TeamRole role) => role == TeamRole.Lead ? "Lead reviewer" : "Peer reviewer";

    public static string Kind(FindingKind kind) => kind == FindingKind.Strength ? "Strength" : "Area for improvement";

    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        _ => "Dropped",
    };

    public static bool IsOpen(ActionStatus status) => status is ActionStatus.NotStarted or ActionStatus.InProgress;
}
