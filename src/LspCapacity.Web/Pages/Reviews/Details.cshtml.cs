using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>
/// One review: where it is on the timeline and who moves it on next, the team and the dates (changed by
/// coordinators until the findings are written), the follow-up, and the host's consent to share a summary
/// in the library.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, Outbox outbox, IAuthorizationService authorization) : PageModel
{
    public ReviewAccess.Header Review { get; private set; } = default!;
    public ReviewActor Actor { get; private set; }
    public View Details { get; private set; } = default!;
    public IReadOnlyList<string> FocusThemes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];
    public (string Slug, string Title, CaseStudyStatus Status)? CaseStudy { get; private set; }
    public int OpenActions { get; private set; }
    public int OverdueActions { get; private set; }

    [BindProperty] public ReviewStage? From { get; set; }
    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public string? RemovePersonId { get; set; }

    [BindProperty]
    [StringLength(4000, ErrorMessage = "The follow-up summary must be 4,000 characters or fewer")]
    public string? FollowUp { get; set; }

    [BindProperty] public ConsentInput Consent { get; set; } = new();
    [BindProperty] public DatesInput Dates { get; set; } = new();

    [BindProperty]
    [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
    public string? EarlyFollowUpReason { get; set; }

    public DateOnly Today { get; private set; }

    /// <summary>The host's supported project the review serves (empty: none).</summary>
    [BindProperty] public int? ProjectId { get; set; }
    public IReadOnlyList<SelectListItem> ProjectChoices { get; private set; } = [];
    public (int Id, string Title)? Project { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostMoveOnAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(EarlyFollowUpReason), (review, actor) =>
        {
            if (From is not { } from)
            {
                throw new DomainException("The page was out of date: look at the review again.");
            }
            try
            {
                review.MoveOn(from, actor, me.RequiredId, UkTime.Today(clock), clock.GetUtcNow().UtcDateTime, EarlyFollowUpReason);
            }
            catch (DomainException e) when (from == ReviewStage.ActionPlan && review.Stage == from && actor.HasFlag(ReviewActor.Coordinator)
                                            && review.ProgressReviewOn > UkTime.Today(clock))
            {
                throw new FieldException(nameof(EarlyFollowUpReason), e.Message);
            }
            db.Audit(me.Id, "review.moved-on", review, $"{from} to {review.Stage}");
            return Task.FromResult($"The review has moved on to {ReviewStages.Name(review.Stage).ToLowerInvariant()}.");
        }, cancellationToken);

    /// <summary>A coordinator changes the dates, with a reason emailed to the team and the host's staff in the same save.</summary>
    public Task<IActionResult> OnPostRescheduleAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Dates.", async (review, actor) =>
        {
            var before = new DatesInput
            {
                ScopingOn = review.ScopingOn, SelfAssessmentDueOn = review.SelfAssessmentDueOn,
                OnSiteStartsOn = review.OnSiteStartsOn, OnSiteEndsOn = review.OnSiteEndsOn,
            };
            var now = clock.GetUtcNow().UtcDateTime;
            review.Reschedule(actor, Dates.ScopingOn!.Value, Dates.SelfAssessmentDueOn!.Value, Dates.OnSiteStartsOn!.Value, Dates.OnSiteEndsOn!.Value,
                Dates.Reason, UkTime.Today(clock), now);
            db.Audit(me.Id, "review.rescheduled", review, review.RescheduleReason);
            await QueueRescheduledAsync(review, before, now, cancellationToken);
            return "The dates have changed. The review team and the host partnership's staff have been emailed the new dates and the reason.";
        }, cancellationToken);

    private async Task QueueRescheduledAsync(PeerReview review, DatesInput before, DateTime now, CancellationToken cancellationToken)
    {
        var teamIds = review.Team.Select(m => m.PersonId).ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null
                        && (teamIds.Contains(u.Id) || (u.Role == Domain.Accounts.Roles.LspStaff && u.PartnershipId == review.HostPartnershipId)))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        var host = await db.Partnerships.AsNoTracking().Where(p => p.Id == review.HostPartnershipId).Select(p => p.Name).SingleAsync(cancellationToken);
        static string OnSite(DateOnly starts, DateOnly ends) => UkTime.Date(starts) + (ends != starts ? $" to {UkTime.Date(ends)}" : "");
        var values = new Dictionary<string, string?>
        {
            ["HostName"] = host,
            ["ScopingOn"] = UkTime.Date(review.ScopingOn),
            ["SelfAssessmentDueOn"] = UkTime.Date(review.SelfAssessmentDueOn),
            ["OnSite"] = OnSite(review.OnSiteStartsOn, review.OnSiteEndsOn),
            ["OldScopingOn"] = UkTime.Date(before.ScopingOn!.Value),
            ["OldSelfAssessmentDueOn"] = UkTime.Date(before.SelfAssessmentDueOn!.Value),
            ["OldOnSite"] = OnSite(before.OnSiteStartsOn!.Value, before.OnSiteEndsOn!.Value),
            ["Reason"] = review.RescheduleReason,
            ["Link"] = outbox.PageLink("/Reviews/Details", new { id = review.Id }),
        };
        // One email per change and person: the key names the moment of the change.
        await outbox.QueueManyAsync(db, people.Select(p => new OutgoingEmail($"review:{review.Id}:rescheduled:{now:yyyyMMddHHmmssfff}:{p.Id}",
            p.Email!, p.DisplayName, "review-rescheduled", values) { RegionId = review.RegionId }).ToList(), cancellationToken);
    }

    public Task<IActionResult> OnPostAddMemberAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Member.", async (review, actor) =>
        {
            var person = await db.Users.AsNoTracking()
                .Where(u => u.Id == Member.PersonId && u.RegionId == review.RegionId && u.IsActive
                            && (u.Role == Domain.Accounts.Roles.LspStaff || u.Role == Domain.Accounts.Roles.Mentor))
                .Select(u => new { u.Id, u.DisplayName, u.PartnershipId }).SingleOrDefaultAsync();
            if (person is null)
            {
                throw new FieldException("Member.PersonId", "Select a person from the list");
            }
            try
            {
                review.AddMember(actor, person.Id, person.PartnershipId, Member.Role!.Value);
            }
            catch (DomainException e)
            {
                throw new FieldException("Member.PersonId", $"{person.DisplayName}: {e.Message}");
            }
            db.Audit(me.Id, "review.member-added", review, $"{person.Id} as {Member.Role}");
            return $"{person.DisplayName} has joined the team.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveMemberAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "", (review, actor) =>
        {
            review.RemoveMember(actor, RemovePersonId ?? "");
            db.Audit(me.Id, "review.member-removed", review, RemovePersonId);
            return Task.FromResult("The team has changed.");
        }, cancellationToken);

    /// <summary>The host or a coordinator names the host's supported project the review serves.</summary>
    public Task<IActionResult> OnPostProjectAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(ProjectId), async (review, actor) =>
        {
            try
            {
                review.ServeProject(actor, await Projects.SupportLinks.RequireAsync(db, ProjectId, cancellationToken));
            }
            catch (DomainException e) when (e is not FieldException)
            {
                throw new FieldException(nameof(ProjectId), e.Message);
            }
            db.Audit(me.Id, "review.project-chosen", review, ProjectId?.ToString() ?? "none");
            return ProjectId is null ? "The review is no longer linked to a project." : "The review is linked to the project it serves.";
        }, cancellationToken);

    public Task<IActionResult> OnPostFollowUpAsync(int id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(FollowUp))
        {
            ModelState.AddModelError(nameof(FollowUp), "Enter what the follow-up found");
        }
        return ActAsync(id, nameof(FollowUp), (review, actor) =>
        {
            review.RecordFollowUp(actor, FollowUp!);
            db.Audit(me.Id, "review.follow-up-recorded", review);
            return Task.FromResult("The follow-up is recorded.");
        }, cancellationToken);
    }

    /// <summary>The host consents: the summary becomes a case study submitted to the library, for a coordinator to moderate.</summary>
    public Task<IActionResult> OnPostConsentAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Consent.", async (review, actor) =>
        {
            if (Consent.Agree != true)
            {
                throw new FieldException("Consent.Agree", "Confirm that your partnership agrees to share this summary");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            review.ConsentToPublish(actor, me.RequiredId, Consent.Summary, now);
            var host = await db.Partnerships.AsNoTracking().Where(p => p.Id == review.HostPartnershipId).Select(p => p.Name).SingleAsync();
            var item = new CaseStudy(review.RegionId, me.RequiredId, now);
            item.Edit($"Peer review of {host}: what we learned", review.PublicSummary!,
                $"{review.PublicSummary}\n\n*From a peer review of {host}: on site {UkTime.Date(review.OnSiteStartsOn)}" +
                $"{(review.OnSiteEndsOn != review.OnSiteStartsOn ? $" to {UkTime.Date(review.OnSiteEndsOn)}" : "")}; report agreed {UkTime.Date(review.ReportAgreedOn!.Value)}.*",
                PracticeKind.Evaluation, review.HostPartnershipId, null, me.DisplayName, null, review.FocusThemes.Select(t => t.ThemeId), now);
            item.DrawFrom(review.Id);
            item.Submit(now);
            db.CaseStudies.Add(item);
            db.Audit(me.Id, "review.consent-to-publish", review);
            return "Thank you. The summary has gone to the good-practice library, where a coordinator will check it before it is published.";
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(int id, string prefix, Func<PeerReview, ReviewActor, Task<string>> action, CancellationToken cancellationToken)
    {
        // Only this form's fields count: the page holds several forms.
        foreach (var key in ModelState.Keys.Where(k => prefix.Length == 0 || !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        var review = await db.PeerReviews
            .Include(r => r.FocusThemes).Include(r => r.Team).Include(r => r.Answers).Include(r => r.Findings)
            .Include(r => r.Recommendations).Include(r => r.Actions)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }
        var actor = ReviewRule.ActorOf(User, review);
        if (!(await authorization.AuthorizeAsync(User, review, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(id, cancellationToken);
        }
        try
        {
            var done = await action(review, actor);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess(done);
            return RedirectToPage("/Reviews/Details", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Someone else moved the review on at the same moment: look at where it is now.");
            return await ShowAsync(id, cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Reviews);
        if (await ReviewAccess.LoadAsync(db, me, id, cancellationToken) is not { } loaded)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, loaded.Review, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        (Review, Actor) = loaded;
        Today = UkTime.Today(clock);
        Details = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new View(r.Scope, r.ScopingOn, r.SelfAssessmentSubmittedAt, r.ReportAgreedOn, r.ProgressReviewOn,
                r.FollowUpSummary, r.ClosedOn, r.PublishConsentAt, r.PublicSummary, r.StageChangedAt, r.Findings.Count(), r.Recommendations.Count(),
                r.RescheduledAt, r.RescheduleReason, r.EarlyFollowUpReason))
            .SingleAsync(cancellationToken);
        if (Dates is { ScopingOn: null, SelfAssessmentDueOn: null, OnSiteStartsOn: null, OnSiteEndsOn: null })
        {
            // The form starts from the dates the review has; a refused change keeps what was entered.
            Dates = new DatesInput
            {
                ScopingOn = Details.ScopingOn, SelfAssessmentDueOn = Review.SelfAssessmentDueOn,
                OnSiteStartsOn = Review.OnSiteStartsOn, OnSiteEndsOn = Review.OnSiteEndsOn, Reason = Dates.Reason,
            };
        }
        FocusThemes = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id).SelectMany(r => r.FocusThemes)
            .Join(db.Themes, f => f.ThemeId, t => t.Id, (_, t) => t).OrderBy(t => t.Position).Select(t => t.Name).ToListAsync(cancellationToken);
        var today = UkTime.Today(clock);
        var actions = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id).SelectMany(r => r.Actions)
            .Where(a => a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.InProgress)
            .GroupBy(a => 1).Select(g => new { Open = g.Count(), Overdue = g.Count(a => a.DueOn < today) })
            .FirstOrDefaultAsync(cancellationToken);
        (OpenActions, OverdueActions) = (actions?.Open ?? 0, actions?.Overdue ?? 0);
        var caseStudy = await db.CaseStudies.AsNoTracking().Where(c => c.SourceReviewId == id).OrderByDescending(c => c.Id)
            .Select(c => new { c.Slug, c.Title, c.Status }).FirstOrDefaultAsync(cancellationToken);
        CaseStudy = caseStudy is null ? null : (caseStudy.Slug, caseStudy.Title, caseStudy.Status);
        var project = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id && r.ProjectId != null)
            .Select(r => new { Id = r.ProjectId!.Value, Title = db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Title).First() })
            .FirstOrDefaultAsync(cancellationToken);
        Project = project is null ? null : (project.Id, project.Title);
        if (CanChooseProject)
        {
            ProjectChoices = await Projects.SupportLinks.ChoicesAsync(db, Review.HostPartnershipId, closedToo: false, cancellationToken);
            if (ModelState.IsValid)
            {
                ProjectId = Project?.Id;
            }
        }
        if (Actor.HasFlag(ReviewActor.Coordinator) && Review.Stage < ReviewStage.Findings)
        {
            Candidates = (await ReviewAccess.CandidatesAsync(db, Review.RegionId, cancellationToken))
                .Where(c => c.PartnershipId != Review.HostPartnershipId && Review.Team.All(m => m.PersonId != c.Id))
                .Select(c => c.Item).ToList();
        }
        return Page();
    }

    /// <summary>Whether the signed-in person holds the role that moves the review on now.</summary>
    public bool CanMoveOn => Review.Stage != ReviewStage.Closed && Actor.HasFlag(ReviewStages.MovedOnBy(Review.Stage));

    /// <summary>Moving on now starts the follow-up before the progress review date: the coordinator says why.</summary>
    public bool FollowUpWouldBeEarly => Review.Stage == ReviewStage.ActionPlan && Details.ProgressReviewOn is { } due && Today < due;

    /// <summary>The host or a coordinator names the project the review serves, until it is closed.</summary>
    public bool CanChooseProject => Review.Stage != ReviewStage.Closed && (Actor & (ReviewActor.Host | ReviewActor.Coordinator)) != ReviewActor.None;

    /// <summary>Coordinators change the dates until the findings are being written.</summary>
    public bool CanReschedule => Actor.HasFlag(ReviewActor.Coordinator) && Review.Stage < ReviewStage.Findings;

    public sealed record View(string? Scope, DateOnly ScopingOn, DateTime? SelfAssessmentSubmittedAt, DateOnly? ReportAgreedOn,
        DateOnly? ProgressReviewOn, string? FollowUpSummary, DateOnly? ClosedOn, DateTime? PublishConsentAt, string? PublicSummary,
        DateTime StageChangedAt, int Findings, int Recommendations, DateTime? RescheduledAt, string? RescheduleReason, string? EarlyFollowUpReason);

    public sealed class DatesInput : ReviewDatesInput
    {
        [Required(ErrorMessage = "Enter why the dates are changing")]
        [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
        public string Reason { get; set; } = "";
    }

    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Select a person")]
        public string? PersonId { get; set; }

        [Required(ErrorMessage = "Select lead or peer reviewer")]
        [EnumDataType(typeof(TeamRole), ErrorMessage = "Select lead or peer reviewer")]
        public TeamRole? Role { get; set; }
    }

    public sealed class ConsentInput
    {
        [Required(ErrorMessage = "Enter the summary to share")]
        [StringLength(1000, ErrorMessage = "The summary must be 1,000 characters or fewer")]
        public string Summary { get; set; } = "";

        public bool? Agree { get; set; }
    }
}

