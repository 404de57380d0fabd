using LspCapacity.Web.Domain.Projects;

namespace LspCapacity.Web.Domain.Reviews;

/// <summary>Someone who may be put on a review team: the person, their partnership (none for people from elsewhere) and name.</summary>
public sealed record Reviewer(string PersonId, int? PartnershipId, string Name);

/// <summary>A refusal of one person chosen for a review team, saying whether they were chosen as lead or peer.</summary>
public sealed class TeamMemberRefused(TeamRole role, string message) : DomainException(message)
{
    public TeamRole Role { get; } = role;
}

/// <summary>
/// A peer review of one host partnership by a team of peers from elsewhere: scoping, the host's
/// self-assessment, the on-site visit, findings and recommendations, the agreed report, an action plan
/// and its follow-up. Every change names who is acting (<see cref="ReviewActor"/>) and is refused when
/// that role may not make it at the current stage. Stages move one at a time, never skipped.
/// </summary>
public class PeerReview
{
    /// <summary>The progress review follows the agreed report by ten months, as in the LGA's corporate peer challenges.</summary>
    public const int ProgressReviewMonths = 10;

    private readonly List<ReviewFocusTheme> _focusThemes = [];
    private readonly List<ReviewTeamMember> _team = [];
    private readonly List<SelfAssessmentAnswer> _answers = [];
    private readonly List<ReviewFinding> _findings = [];
    private readonly List<ReviewRecommendation> _recommendations = [];
    private readonly List<ReviewAction> _actions = [];

    private PeerReview() { }

    public PeerReview(int regionId, int hostPartnershipId, IEnumerable<int> focusThemeIds, string? scope, DateOnly scopingOn,
        DateOnly selfAssessmentDueOn, DateOnly onSiteStartsOn, DateOnly onSiteEndsOn, DateOnly today, DateTime now)
    {
        CheckDates(scopingOn, selfAssessmentDueOn, onSiteStartsOn, onSiteEndsOn);
        if (onSiteStartsOn <= today)
        {
            throw new DomainException("The on-site visit must be in the future.");
        }
        foreach (var themeId in focusThemeIds.Distinct())
        {
            _focusThemes.Add(new ReviewFocusTheme(themeId));
        }
        if (_focusThemes.Count == 0)
        {
            throw new DomainException("Choose at least one focus theme.");
        }
        RegionId = regionId;
        HostPartnershipId = hostPartnershipId;
        Scope = Guard.Optional(scope);
        ScopingOn = scopingOn;
        SelfAssessmentDueOn = selfAssessmentDueOn;
        OnSiteStartsOn = onSiteStartsOn;
        OnSiteEndsOn = onSiteEndsOn;
        Stage = ReviewStage.Scoping;
        CreatedAt = now;
        StageChangedAt = now;
    }

    /// <summary>
    /// A coordinator sets up a review: its focus themes and dates (see the constructor), a lead and peers.
    /// A person refused for the team (from the host partnership, chosen twice) is refused by name with
    /// <see cref="TeamMemberRefused"/>, so the form can say which of its fields they came from.
    /// </summary>
    public static PeerReview SetUp(int regionId, int hostPartnershipId, IEnumerable<int> focusThemeIds, string? scope, DateOnly scopingOn,
        DateOnly selfAssessmentDueOn, DateOnly onSiteStartsOn, DateOnly onSiteEndsOn, Reviewer lead, IEnumerable<Reviewer> peers,
        DateOnly today, DateTime now)
    {
        var review = new PeerReview(regionId, hostPartnershipId, focusThemeIds, scope, scopingOn, selfAssessmentDueOn, onSiteStartsOn,
            onSiteEndsOn, today, now);
        review.Join(lead, TeamRole.Lead);
        foreach (var peer in peers.DistinctBy(p => p.PersonId))
        {
            review.Join(peer, TeamRole.Peer);
        }
        return review;
    }

    private void Join(Reviewer reviewer, TeamRole role)
    {
        try
        {
            AddMember(ReviewActor.Coordinator, reviewer.PersonId, reviewer.PartnershipId, role);
        }
        catch (DomainException e)
        {
            throw new TeamMemberRefused(role, $"{reviewer.Name}: {e.Message}");
        }
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public int HostPartnershipId { get; private set; }
    public ReviewStage Stage { get; private set; }
    public DateTime StageChangedAt { get; private set; }

    /// <summary>What the host asked the team to look at: the terms of reference.</summary>
    public string? Scope { get; private set; }
    public DateOnly ScopingOn { get; private set; }
    public DateOnly SelfAssessmentDueOn { get; private set; }
    public DateOnly OnSiteStartsOn { get; private set; }
    public DateOnly OnSiteEndsOn { get; private set; }
    public DateTime? SelfAssessmentSubmittedAt { get; private set; }
    public string? SelfAssessmentSubmittedById { get; private set; }
    public string? ReportSummary { get; private set; }
    public DateOnly? ReportAgreedOn { get; private set; }
    public string? ReportAgreedById { get; private set; }
    public DateOnly? ProgressReviewOn { get; private set; }
    public string? FollowUpSummary { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>When a coordinator last changed the dates, and why (the team and the host were told).</summary>
    public DateTime? RescheduledAt { get; private set; }
    public string? RescheduleReason { get; private set; }

    /// <summary>Why the follow-up started before the progress review date, when it did.</summary>
    public string? EarlyFollowUpReason { get; private set; }

    /// <summary>The host's consent to share a summary in the good-practice library, and the summary they agreed.</summary>
    public DateTime? PublishConsentAt { get; private set; }
    public string? PublishConsentById { get; private set; }
    public string? PublicSummary { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>The host partnership's supported improvement project the review serves, if any.</summary>
    public int? ProjectId { get; private set; }

    public IReadOnlyList<ReviewFocusTheme> FocusThemes => _focusThemes;
    public IReadOnlyList<ReviewTeamMember> Team => _team;
    public IReadOnlyList<SelfAssessmentAnswer> Answers => _answers;
    public IReadOnlyList<ReviewFinding> Findings => _findings;
    public IReadOnlyList<ReviewRecommendation> Recommendations => _recommendations;
    public IReadOnlyList<ReviewAction> Actions => _actions;

    public bool IsClosed => Stage == ReviewStage.Closed;

    /// <summary>
    /// What a person is to this review: its region's coordinator, the lead, a peer, or staff of the host.
    /// <see cref="ReviewActor.None"/> means they may not see its working papers at all.
    /// </summary>
    public static ReviewActor ActorFor(string personId, int? personPartnershipId, bool isRegionCoordinator, int hostPartnershipId,
        IEnumerable<(string PersonId, TeamRole Role)> team)
    {
        var actor = isRegionCoordinator ? ReviewActor.Coordinator : ReviewActor.None;
        if (personPartnershipId is { } partnership && partnership == hostPartnershipId)
        {
            actor |= ReviewActor.Host;
        }
        foreach (var member in team.Where(m => m.PersonId == personId))
        {
            actor |= member.Role == TeamRole.Lead ? ReviewActor.Lead : ReviewActor.Peer;
        }
        return actor;
    }

    public ReviewActor ActorFor(string personId, int? personPartnershipId, bool isRegionCoordinator) =>
        ActorFor(personId, personPartnershipId, isRegionCoordinator, HostPartnershipId, _team.Select(m => (m.PersonId, m.Role)));

    // --- Dates ---------------------------------------------------------------------------------

    private static void CheckDates(DateOnly scopingOn, DateOnly selfAssessmentDueOn, DateOnly onSiteStartsOn, DateOnly onSiteEndsOn)
    {
        if (onSiteStartsOn <= scopingOn)
        {
            throw new DomainException("The on-site visit must start after the scoping date.");
        }
        if (onSiteEndsOn < onSiteStartsOn)
        {
            throw new DomainException("The on-site visit must end on or after the day it starts.");
        }
        if (selfAssessmentDueOn < scopingOn || selfAssessmentDueOn >= onSiteStartsOn)
        {
            throw new DomainException("The self-assessment must be due between the scoping date and the on-site visit.");
        }
    }

    /// <summary>
    /// A coordinator moves the review's dates, at any stage before the findings are written, with a reason
    /// the team and the host are told. The dates keep the order set-up requires; the visit is not moved
    /// into the past, nor its first day once findings from it are recorded. The stages' own date rules
    /// (the visit must have started before findings and before it ends) then follow the new dates.
    /// </summary>
    public void Reschedule(ReviewActor actor, DateOnly scopingOn, DateOnly selfAssessmentDueOn, DateOnly onSiteStartsOn, DateOnly onSiteEndsOn,
        string reason, DateOnly today, DateTime now)
    {
        Require(actor, ReviewActor.Coordinator, "Only a coordinator can change the review's dates.");
        if (Stage >= ReviewStage.Findings)
        {
            throw new DomainException("The dates cannot change once the findings are being written.");
        }
        var why = Guard.Required(reason, "The reason for the change");
        if (scopingOn == ScopingOn && selfAssessmentDueOn == SelfAssessmentDueOn && onSiteStartsOn == OnSiteStartsOn && onSiteEndsOn == OnSiteEndsOn)
        {
            throw new DomainException("These are the review's dates already: change at least one.");
        }
        CheckDates(scopingOn, selfAssessmentDueOn, onSiteStartsOn, onSiteEndsOn);
        if (onSiteStartsOn != OnSiteStartsOn && onSiteStartsOn < today)
        {
            throw new DomainException("The on-site visit cannot be moved to a day that has passed.");
        }
        if (onSiteEndsOn != OnSiteEndsOn && onSiteEndsOn < today)
        {
            throw new DomainException("The last day on site cannot be moved to a day that has passed.");
        }
        if (onSiteStartsOn != OnSiteStartsOn && (_findings.Count > 0 || _recommendations.Count > 0))
        {
            throw new DomainException("Findings from the visit are already recorded, so its first day cannot change.");
        }
        ScopingOn = scopingOn;
        SelfAssessmentDueOn = selfAssessmentDueOn;
        OnSiteStartsOn = onSiteStartsOn;
        OnSiteEndsOn = onSiteEndsOn;
        RescheduledAt = now;
        RescheduleReason = why;
    }

    // --- Team ----------------------------------------------------------------------------------

    /// <summary>
    /// Adds a lead or a peer. Nobody from the host partnership may review it; one lead per review; the
    /// team is settled before the findings are written.
    /// </summary>
    public void AddMember(ReviewActor actor, string personId, int? personPartnershipId, TeamRole role)
    {
        Require(actor, ReviewActor.Coordinator, "Only a coordinator can change the team.");
        if (Stage >= ReviewStage.Findings)
        {
            throw new DomainException("The team cannot change once the findings are being written.");
        }
        if (!Enum.IsDefined(role))
        {
            throw new DomainException("Choose lead or peer reviewer.");
        }
        if (personPartnershipId == HostPartnershipId)
        {
            throw new DomainException("Nobody from the host partnership can review it: choose someone from another partnership.");
        }
        if (_team.Any(m => m.PersonId == personId))
        {
            throw new DomainException("This person is already on the team.");
        }
        if (role == TeamRole.Lead && _team.Any(m => m.Role == TeamRole.Lead))
        {
            throw new DomainException("The team already has a lead reviewer: remove them first.");
        }
        _team.Add(new ReviewTeamMember(personId, role, personPartnershipId));
    }

    public void RemoveMember(ReviewActor actor, string personId)
    {
        Require(actor, ReviewActor.Coordinator, "Only a coordinator can change the team.");
        if (Stage >= ReviewStage.Findings)
        {
            throw new DomainException("The team cannot change once the findings are being written.");
        }
        if (_team.RemoveAll(m => m.PersonId == personId) == 0)
        {
            throw new DomainException("This person is not on the team.");
        }
    }

    // --- Self-assessment -----------------------------------------------------------------------

    /// <summary>The host's own view of a focus theme: a rating of its capacity from 1 to 5 and the evidence.</summary>
    public void SaveSelfAssessment(ReviewActor actor, string personId, int themeId, int? rating, string? evidence, DateTime now)
    {
        Require(actor, ReviewActor.Host, "Only the host partnership's staff complete its self-assessment.");
        if (Stage is not (ReviewStage.Scoping or ReviewStage.SelfAssessment) || SelfAssessmentSubmittedAt is not null)
        {
            throw new DomainException("The self-assessment can be changed only until it is submitted.");
        }
        if (_focusThemes.All(t => t.ThemeId != themeId))
        {
            throw new DomainException("The self-assessment covers the review's focus themes only.");
        }
        if (rating is { } r && r is < 1 or > 5)
        {
            throw new DomainException("Rate your capacity from 1 to 5.");
        }
        var answer = _answers.SingleOrDefault(a => a.ThemeId == themeId);
        if (answer is null)
        {
            _answers.Add(new SelfAssessmentAnswer(themeId, rating, Guard.Optional(evidence), personId, now));
        }
        else
        {
            answer.Update(rating, Guard.Optional(evidence), personId, now);
        }
    }

    public bool SelfAssessmentIsComplete =>
        _focusThemes.All(t => _answers.Any(a => a.ThemeId == t.ThemeId && a.Rating is not null && a.Evidence is not null));

    // --- Findings, recommendations, report ------------------------------------------------------

    public ReviewFinding AddFinding(ReviewActor actor, string personId, int themeId, FindingKind kind, string text, DateOnly today, DateTime now)
    {
        RequireTeamWriting(actor, today);
        if (_focusThemes.All(t => t.ThemeId != themeId))
        {
            throw new DomainException("Findings are recorded against the review's focus themes.");
        }
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose strength or area for improvement.");
        }
        var finding = new ReviewFinding(themeId, kind, Guard.Required(text, "The finding"), personId, now);
        _findings.Add(finding);
        return finding;
    }

    public void RemoveFinding(ReviewActor actor, int findingId)
    {
        RequireTeamWriting(actor);
        if (_findings.RemoveAll(f => f.Id == findingId) == 0)
        {
            throw new DomainException("That finding is not on this review.");
        }
    }

    public ReviewRecommendation AddRecommendation(ReviewActor actor, int? themeId, string text, DateOnly today, DateTime now)
    {
        RequireTeamWriting(actor, today);
        if (themeId is { } id && _focusThemes.All(t => t.ThemeId != id))
        {
            throw new DomainException("Recommendations are made against the review's focus themes.");
        }
        var recommendation = new ReviewRecommendation(themeId, Guard.Required(text, "The recommendation"), now);
        _recommendations.Add(recommendation);
        return recommendation;
    }

    public void RemoveRecommendation(ReviewActor actor, int recommendationId)
    {
        RequireTeamWriting(actor);
        if (_recommendations.RemoveAll(r => r.Id == recommendationId) == 0)
        {
            throw new DomainException("That recommendation is not on this review.");
        }
    }

    public void WriteReportSummary(ReviewActor actor, string summary, DateOnly today)
    {
        RequireTeamWriting(actor, today);
        ReportSummary = Guard.Required(summary, "The summary");
    }

    /// <summary>Removing what was written needs no date: it was written during or after the visit.</summary>
    private void RequireTeamWriting(ReviewActor actor, DateOnly? today = null)
    {
        Require(actor, ReviewActor.Team, "Only the review team record findings and recommendations.");
        if (Stage is not (ReviewStage.OnSite or ReviewStage.Findings))
        {
            throw new DomainException("Findings and recommendations are written during and after the visit, until the report is agreed.");
        }
        if (today is { } day && day < OnSiteStartsOn)
        {
            throw new DomainException($"The visit has not started yet: findings and recommendations are recorded from its first day, {UkCalendar.Date(OnSiteStartsOn)}.");
        }
    }

    // --- Stages --------------------------------------------------------------------------------

    /// <summary>
    /// Moves the review on one stage, from <paramref name="from"/> (the stage the person saw), when
    /// <paramref name="actor"/> holds the role that moves it on and the stage's work is done. The
    /// follow-up starts on the progress review date, or earlier with the coordinator's
    /// <paramref name="earlyFollowUpReason"/> on record.
    /// </summary>
    public void MoveOn(ReviewStage from, ReviewActor actor, string personId, DateOnly today, DateTime now, string? earlyFollowUpReason = null)
    {
        if (from != Stage)
        {
            throw new DomainException($"The review is at {ReviewStages.Name(Stage).ToLowerInvariant()}, not {ReviewStages.Name(from).ToLowerInvariant()}: it may already have moved on.");
        }
        if (Stage == ReviewStage.Closed)
        {
            throw new DomainException("The review is closed.");
        }
        var mover = ReviewStages.MovedOnBy(Stage);
        Require(actor, mover, $"Only {ReviewStages.Who(mover)} can move the review on from {ReviewStages.Name(Stage).ToLowerInvariant()}.");
        switch (Stage)
        {
            case ReviewStage.Scoping:
                if (_team.All(m => m.Role != TeamRole.Lead))
                {
                    throw new DomainException("Appoint a lead reviewer first.");
                }
                if (_team.All(m => m.Role != TeamRole.Peer))
                {
                    throw new DomainException("Add at least one peer reviewer first.");
                }
                break;
            case ReviewStage.SelfAssessment:
                if (!SelfAssessmentIsComplete)
                {
                    throw new DomainException("Rate every focus theme and give your evidence before submitting the self-assessment.");
                }
                SelfAssessmentSubmittedAt = now;
                SelfAssessmentSubmittedById = personId;
                break;
            case ReviewStage.OnSite:
                if (today < OnSiteStartsOn)
                {
                    throw new DomainException("The on-site visit has not started yet.");
                }
                break;
            case ReviewStage.Findings:
                if (ReportSummary is null || _findings.Count == 0 || _recommendations.Count == 0)
                {
                    throw new DomainException("The report needs a summary, findings and at least one recommendation before it can be agreed.");
                }
                ReportAgreedOn = today;
                ReportAgreedById = personId;
                ProgressReviewOn = today.AddMonths(ProgressReviewMonths);
                break;
            case ReviewStage.ReportAgreed:
                if (_recommendations.Any(r => _actions.All(a => a.RecommendationId != r.Id)))
                {
                    throw new DomainException("Every recommendation needs at least one action before the action plan is agreed.");
                }
                break;
            case ReviewStage.ActionPlan:
                if (ProgressReviewOn is { } due && today < due)
                {
                    EarlyFollowUpReason = Guard.Optional(earlyFollowUpReason)
                        ?? throw new DomainException($"The progress review is due on {UkCalendar.Date(due)}: to start the follow-up earlier, say why.");
                }
                break;
            case ReviewStage.FollowUp:
                if (FollowUpSummary is null)
                {
                    throw new DomainException("Record what the follow-up found before closing the review.");
                }
                ClosedOn = today;
                break;
        }
        Stage += 1;
        StageChangedAt = now;
    }

    // --- Action plan ---------------------------------------------------------------------------

    /// <summary>An action the host commits to against a recommendation, with an owner and a due date that is not in the past.</summary>
    public ReviewAction AddAction(ReviewActor actor, int recommendationId, string description, string owner, DateOnly dueOn, DateOnly today, DateTime now)
    {
        Require(actor, ReviewActor.Host | ReviewActor.Lead, "Only the host partnership's staff or the lead reviewer add actions.");
        if (Stage is not (ReviewStage.ReportAgreed or ReviewStage.ActionPlan or ReviewStage.FollowUp))
        {
            throw new DomainException("Actions are added once the report is agreed, until the review closes.");
        }
        if (_recommendations.All(r => r.Id != recommendationId))
        {
            throw new DomainException("Choose one of the review's recommendations.");
        }
        if (dueOn < today)
        {
            throw new DomainException("The due date cannot be in the past.");
        }
        var action = new ReviewAction(recommendationId, Guard.Required(description, "The action"), Guard.Required(owner, "The owner"), dueOn, now);
        _actions.Add(action);
        return action;
    }

    /// <summary>Progress on an action: its status and a note, kept as a history.</summary>
    public void RecordProgress(ReviewActor actor, string personId, int actionId, ActionStatus status, string note, DateTime now)
    {
        Require(actor, ReviewActor.Host | ReviewActor.Lead | ReviewActor.Coordinator,
            "Only the host partnership's staff, the lead reviewer or a coordinator record progress.");
        if (Stage is not (ReviewStage.ReportAgreed or ReviewStage.ActionPlan or ReviewStage.FollowUp))
        {
            throw new DomainException("Progress is recorded once the report is agreed, until the review closes.");
        }
        var action = _actions.SingleOrDefault(a => a.Id == actionId)
            ?? throw new DomainException("That action is not on this review.");
        action.Record(status, note, personId, now);
    }

    public void SetProgressReviewDate(ReviewActor actor, DateOnly date)
    {
        Require(actor, ReviewActor.Coordinator, "Only a coordinator sets the progress review date.");
        if (ReportAgreedOn is not { } agreed || Stage == ReviewStage.Closed)
        {
            throw new DomainException("The progress review is set once the report is agreed, until the review closes.");
        }
        if (date <= agreed)
        {
            throw new DomainException("The progress review must come after the report was agreed.");
        }
        ProgressReviewOn = date;
    }

    public void RecordFollowUp(ReviewActor actor, string summary)
    {
        Require(actor, ReviewActor.Coordinator | ReviewActor.Lead, "Only a coordinator or the lead reviewer record the follow-up.");
        if (Stage != ReviewStage.FollowUp)
        {
            throw new DomainException("The follow-up is recorded at the follow-up stage.");
        }
        FollowUpSummary = Guard.Required(summary, "The follow-up summary");
    }

    // --- Publishing ----------------------------------------------------------------------------

    /// <summary>The host agrees that a summary may go to the good-practice library (as a case study for moderation). Once.</summary>
    public void ConsentToPublish(ReviewActor actor, string personId, string summary, DateTime now)
    {
        Require(actor, ReviewActor.Host, "Only the host partnership's staff can consent to publishing.");
        if (Stage < ReviewStage.ReportAgreed)
        {
            throw new DomainException("A summary can be shared once the report is agreed.");
        }
        if (PublishConsentAt is not null)
        {
            throw new DomainException("Consent has already been given and the summary submitted to the library.");
        }
        PublicSummary = Guard.Required(summary, "The summary");
        PublishConsentAt = now;
        PublishConsentById = personId;
    }

    /// <summary>
    /// The host or a coordinator names the host's supported project the review serves (null: none), until
    /// the review is closed; only an accepted project of the host partnership.
    /// </summary>
    public void ServeProject(ReviewActor actor, ProjectForSupport? project)
    {
        Require(actor, ReviewActor.Host | ReviewActor.Coordinator, "Only the host partnership's staff or a coordinator can say which project the review serves.");
        if (IsClosed)
        {
            throw new DomainException("The review is closed: the project it served can no longer be changed.");
        }
        project?.CheckServes(HostPartnershipId, "a peer review");
        ProjectId = project?.Id;
    }

    private static void Require(ReviewActor actor, ReviewActor allowed, string refusal)
    {
        if ((actor & allowed) == ReviewActor.None)
        {
            throw new DomainException(refusal);
        }
    }
}

public class ReviewFocusTheme
{
    private ReviewFocusTheme() { }

    internal ReviewFocusTheme(int themeId) => ThemeId = themeId;

    public int ReviewId { get; private set; }
    public int ThemeId { get; private set; }
}

public class ReviewTeamMember
{
    private ReviewTeamMember() { }

    internal ReviewTeamMember(string personId, TeamRole role, int? partnershipId)
    {
        PersonId = personId;
        Role = role;
        PartnershipId = partnershipId;
    }

    public int ReviewId { get; private set; }
    public string PersonId { get; private set; } = "";
    public TeamRole Role { get; private set; }

    /// <summary>The partnership the reviewer worked for when they joined (none for mentors from partner organisations).</summary>
    public int? PartnershipId { get; private set; }
}

public class SelfAssessmentAnswer
{
    private SelfAssessmentAnswer() { }

    internal SelfAssessmentAnswer(int themeId, int? rating, string? evidence, string personId, DateTime now)
    {
        ThemeId = themeId;
        Update(rating, evidence, personId, now);
    }

    public int ReviewId { get; private set; }
    public int ThemeId { get; private set; }
    public int? Rating { get; private set; }
    public string? Evidence { get; private set; }
    public string UpdatedById { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    internal void Update(int? rating, string? evidence, string personId, DateTime now)
    {
        Rating = rating;
        Evidence = evidence;
        UpdatedById = personId;
        UpdatedAt = now;
    }
}

public class ReviewFinding
{
    private ReviewFinding() { }

    internal ReviewFinding(int themeId, FindingKind kind, string text, string authorId, DateTime now)
    {
        ThemeId = themeId;
        Kind = kind;
        Text = text;
        AuthorId = authorId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int ReviewId { get; private set; }
    public int ThemeId { get; private set; }
    public FindingKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public string AuthorId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

public class ReviewRecommendation
{
    private ReviewRecommendation() { }

    internal ReviewRecommendation(int? themeId, string text, DateTime now)
    {
        ThemeId = themeId;
        Text = text;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int ReviewId { get; private set; }
    public int? ThemeId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

public class ReviewAction
{
    private readonly List<ActionUpdate> _updates = [];

    private ReviewAction() { }

    internal ReviewAction(int recommendationId, string description, string owner, DateOnly dueOn, DateTime now)
    {
        RecommendationId = recommendationId;
        Description = description;
        Owner = owner;
        DueOn = dueOn;
        Status = ActionStatus.NotStarted;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int ReviewId { get; private set; }
    public int RecommendationId { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>Who answers for the action: a name and role, who need not use this service.</summary>
    public string Owner { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public ActionStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public IReadOnlyList<ActionUpdate> Updates => _updates;

    internal void Record(ActionStatus status, string note, string personId, DateTime now)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Choose the action's status.");
        }
        _updates.Add(new ActionUpdate(status, Guard.Required(note, "The progress note"), personId, now));
        Status = status;
        UpdatedAt = now;
    }
}

public class ActionUpdate
{
    private ActionUpdate() { }

    internal ActionUpdate(ActionStatus status, string note, string byId, DateTime now)
    {
        Status = status;
        Note = note;
        ById = byId;
        At = now;
    }

    public int Id { get; private set; }
    public int ActionId { get; private set; }
    public ActionStatus Status { get; private set; }
    public string Note { get; private set; } = "";
    public string ById { get; private set; } = "";
    public DateTime At { get; private set; }
}
