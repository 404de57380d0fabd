using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>
/// The action plan: for each recommendation, the actions the host commits to (owner, due date, status,
/// latest progress), and the date of the progress review.
/// </summary>
public class ActionsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public ReviewAccess.Header Review { get; private set; } = default!;
    public ReviewActor Actor { get; private set; }
    public bool CanAdd { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly? ReportAgreedOn { get; private set; }
    public DateOnly? ProgressReviewOn { get; private set; }
    public IReadOnlyList<PlanRow> Plan { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RecommendationItems { get; private set; } = [];

    [BindProperty] public ActionInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "progress review date")]
    public DateOnly? ProgressReviewDate { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(ProgressReviewDate));
        if (Input.DueOn is { } due && due < UkTime.Today(clock))
        {
            ModelState.AddModelError("Input.DueOn", "The due date cannot be in the past");
        }
        return await ActAsync(id, review =>
        {
            review.AddAction(ActorOf(review), Input.RecommendationId!.Value, Input.Description, Input.Owner, Input.DueOn!.Value,
                UkTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "review.action-added", review, Input.Description);
            return "The action is added to the plan.";
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostProgressReviewAsync(int id, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (ProgressReviewDate is null && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(ProgressReviewDate), "Enter the progress review date");
        }
        return await ActAsync(id, review =>
        {
            review.SetProgressReviewDate(ActorOf(review), ProgressReviewDate!.Value);
            db.Audit(me.Id, "review.progress-review-set", review, $"{ProgressReviewDate:yyyy-MM-dd}");
            return $"The progress review is now on {UkTime.Date(ProgressReviewDate!.Value)}.";
        }, cancellationToken);
    }

    private ReviewActor ActorOf(PeerReview review) =>
        ReviewRule.ActorOf(User, review);

    private async Task<IActionResult> ActAsync(int id, Func<PeerReview, string> action, CancellationToken cancellationToken)
    {
        var review = await db.PeerReviews.Include(r => r.Team).Include(r => r.Recommendations).Include(r => r.Actions)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }
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
            TempData.SetSuccess(action(review));
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage("/Reviews/Actions", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
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
        var dates = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.ReportAgreedOn, r.ProgressReviewOn })
            .SingleAsync(cancellationToken);
        (ReportAgreedOn, ProgressReviewOn) = (dates.ReportAgreedOn, dates.ProgressReviewOn);
        ProgressReviewDate ??= ProgressReviewOn;
        Plan = await PlanAsync(db, id, cancellationToken);
        RecommendationItems = Plan.Select(p => new SelectListItem($"R{p.Number}: {Shorten(p.Text)}", p.Id.ToString())).ToList();
        CanAdd = (Actor & (ReviewActor.Host | ReviewActor.Lead)) != ReviewActor.None
                 && Review.Stage is ReviewStage.ReportAgreed or ReviewStage.ActionPlan or ReviewStage.FollowUp;
        return Page();
    }

    /// <summary>The recommendations in report order, each with its actions and their latest progress note: two queries.</summary>
    public static async Task<IReadOnlyList<PlanRow>> PlanAsync(AppDbContext db, int reviewId, CancellationToken cancellationToken)
    {
        var recommendations = (await db.PeerReviews.AsNoTracking().Where(r => r.Id == reviewId).SelectMany(r => r.Recommendations)
                .OrderBy(x => x.Id).Select(x => new { x.Id, x.Text }).ToListAsync(cancellationToken))
            .Select((x, i) => (x.Id, Number: i + 1, x.Text)).ToList();
        var actions = await db.PeerReviews.AsNoTracking().Where(r => r.Id == reviewId).SelectMany(r => r.Actions)
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new ActionRow(a.Id, a.RecommendationId, a.Description, a.Owner, a.DueOn, a.Status,
                a.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => u.Note).FirstOrDefault(), a.Updates.Count()))
            .ToListAsync(cancellationToken);
        return recommendations.Select(x => new PlanRow(x.Id, x.Number, x.Text, actions.Where(a => a.RecommendationId == x.Id).ToList())).ToList();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    public sealed record PlanRow(int Id, int Number, string Text, IReadOnlyList<ActionRow> Actions);

    public sealed record ActionRow(int Id, int RecommendationId, string Description, string Owner, DateOnly DueOn, ActionStatus Status,
        string? LatestNote, int Updates)
    {
        public bool IsOverdue(DateOnly today) => ReviewStages.IsOpen(Status) && DueOn < today;
    }

    public sealed class ActionInput
    {
        [Required(ErrorMessage = "Select the recommendation the action answers")]
        [Display(Name = "recommendation")]
        public int? RecommendationId { get; set; }

        [Required(ErrorMessage = "Enter the action")]
        [StringLength(2000, ErrorMessage = "The action must be 2,000 characters or fewer")]
        public string Description { get; set; } = "";

        [Required(ErrorMessage = "Enter who owns the action")]
        [StringLength(200, ErrorMessage = "The owner must be 200 characters or fewer")]
        public string Owner { get; set; } = "";

        [Required(ErrorMessage = "Enter the due date")]
        [Display(Name = "due date")]
        public DateOnly? DueOn { get; set; }
    }
}
