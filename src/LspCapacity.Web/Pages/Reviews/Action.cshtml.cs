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

/// <summary>One action of the plan: its progress over time, and a new update with its status.</summary>
public class ActionModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public ReviewAccess.Header Review { get; private set; } = default!;
    public ReviewActor Actor { get; private set; }
    public View Action { get; private set; } = default!;
    public IReadOnlyList<UpdateRow> Updates { get; private set; } = [];
    public bool CanUpdate { get; private set; }
    public bool IsOverdue { get; private set; }

    [BindProperty] public ProgressInput Input { get; set; } = new();

    public static IEnumerable<SelectListItem> Statuses =>
        Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(ReviewStages.Status(s), s.ToString()));

    public Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken cancellationToken) => ShowAsync(id, actionId, fill: true, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken cancellationToken)
    {
        var review = await db.PeerReviews.Include(r => r.Team).Include(r => r.Actions.Where(a => a.Id == actionId))
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null || review.Actions.Count == 0)
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
            return await ShowAsync(id, actionId, fill: false, cancellationToken);
        }
        try
        {
            review.RecordProgress(actor, me.RequiredId, actionId, Input.Status!.Value, Input.Note, clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "review.action-progress", review, $"action {actionId}: {Input.Status}");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, actionId, fill: false, cancellationToken));
        }
        TempData.SetSuccess("The progress is recorded.");
        return RedirectToPage("/Reviews/Action", new { id, actionId });
    }

    private async Task<IActionResult> ShowAsync(int id, int actionId, bool fill, CancellationToken cancellationToken)
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
        var action = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id).SelectMany(r => r.Actions).Where(a => a.Id == actionId)
            .Select(a => new View(a.Id, a.Description, a.Owner, a.DueOn, a.Status, a.CreatedAt,
                db.PeerReviews.Where(r => r.Id == id).SelectMany(r => r.Recommendations).Where(x => x.Id == a.RecommendationId).Select(x => x.Text).First()))
            .SingleOrDefaultAsync(cancellationToken);
        if (action is null)
        {
            return NotFound();
        }
        Action = action;
        Updates = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id).SelectMany(r => r.Actions).Where(a => a.Id == actionId)
            .SelectMany(a => a.Updates).OrderByDescending(u => u.At).ThenByDescending(u => u.Id)
            .Select(u => new UpdateRow(u.At, u.Status, u.Note, db.Users.Where(p => p.Id == u.ById).Select(p => p.DisplayName).First()))
            .ToListAsync(cancellationToken);
        CanUpdate = (Actor & (ReviewActor.Host | ReviewActor.Lead | ReviewActor.Coordinator)) != ReviewActor.None
                    && Review.Stage is ReviewStage.ReportAgreed or ReviewStage.ActionPlan or ReviewStage.FollowUp;
        IsOverdue = ReviewStages.IsOpen(action.Status) && action.DueOn < UkTime.Today(clock);
        if (fill)
        {
            Input = new ProgressInput { Status = action.Status == ActionStatus.NotStarted ? ActionStatus.InProgress : action.Status };
        }
        return Page();
    }

    public sealed record View(int Id, string Description, string Owner, DateOnly DueOn, ActionStatus Status, DateTime CreatedAt, string Recommendation);
    public sealed record UpdateRow(DateTime At, ActionStatus Status, string Note, string By);

    public sealed class ProgressInput
    {
        [Required(ErrorMessage = "Select the action's status")]
        [EnumDataType(typeof(ActionStatus), ErrorMessage = "Select the action's status")]
        [Display(Name = "status")]
        public ActionStatus? Status { get; set; }

        [Required(ErrorMessage = "Enter what has happened")]
        [StringLength(2000, ErrorMessage = "The note must be 2,000 characters or fewer")]
        public string Note { get; set; } = "";
    }
}
