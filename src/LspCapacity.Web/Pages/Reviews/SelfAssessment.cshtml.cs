using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>
/// The host partnership's self-assessment against the focus themes: a rating of its capacity and the
/// evidence for each, saved as a draft by any of its staff and submitted once, by the deadline.
/// </summary>
public class SelfAssessmentModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public ReviewAccess.Header Review { get; private set; } = default!;
    public ReviewActor Actor { get; private set; }
    public bool CanEdit { get; private set; }
    public bool Overdue { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    [BindProperty] public List<AnswerInput> Answers { get; set; } = [];

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, fill: true, cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken cancellationToken)
    {
        var review = await db.PeerReviews.Include(r => r.FocusThemes).Include(r => r.Team).Include(r => r.Answers)
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
            return await ShowAsync(id, fill: false, cancellationToken);
        }
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var answer in Answers)
            {
                review.SaveSelfAssessment(actor, me.RequiredId, answer.ThemeId, answer.Rating, answer.Evidence, now);
            }
            if (submit)
            {
                review.MoveOn(ReviewStage.SelfAssessment, actor, me.RequiredId, UkTime.Today(clock), now);
            }
            db.Audit(me.Id, submit ? "review.self-assessment-submitted" : "review.self-assessment-saved", review);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, fill: false, cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "The review moved on while you were writing: look at where it is now.");
            return await ShowAsync(id, fill: false, cancellationToken);
        }
        TempData.SetSuccess(submit ? "Your self-assessment is submitted: the review team will read it before the visit." : "Your draft is saved.");
        return RedirectToPage(submit ? "/Reviews/Details" : "/Reviews/SelfAssessment", new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, bool fill, CancellationToken cancellationToken)
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
        var state = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                r.SelfAssessmentSubmittedAt,
                By = db.Users.Where(u => u.Id == r.SelfAssessmentSubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        (SubmittedAt, SubmittedBy) = (state.SelfAssessmentSubmittedAt, state.By);
        Themes = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id).SelectMany(r => r.FocusThemes)
            .Join(db.Themes, f => f.ThemeId, t => t.Id, (_, t) => t).OrderBy(t => t.Position)
            .Select(t => new ThemeRow(t.Id, t.Name, t.Description,
                db.PeerReviews.Where(r => r.Id == id).SelectMany(r => r.Answers).Where(a => a.ThemeId == t.Id)
                    .Select(a => new SavedAnswer(a.Rating, a.Evidence, db.Users.Where(u => u.Id == a.UpdatedById).Select(u => u.DisplayName).First(), a.UpdatedAt))
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);
        CanEdit = Actor.HasFlag(ReviewActor.Host) && SubmittedAt is null && Review.Stage is ReviewStage.Scoping or ReviewStage.SelfAssessment;
        Overdue = SubmittedAt is null && UkTime.Today(clock) > Review.SelfAssessmentDueOn;
        if (fill)
        {
            Answers = Themes.Select(t => new AnswerInput { ThemeId = t.Id, Rating = t.Saved?.Rating, Evidence = t.Saved?.Evidence }).ToList();
        }
        return Page();
    }

    public sealed record ThemeRow(int Id, string Name, string? Description, SavedAnswer? Saved);
    public sealed record SavedAnswer(int? Rating, string? Evidence, string By, DateTime At);

    public sealed class AnswerInput
    {
        public int ThemeId { get; set; }

        [Range(1, 5, ErrorMessage = "Rate your capacity from 1 to 5")]
        [Display(Name = "rating")]
        public int? Rating { get; set; }

        [StringLength(4000, ErrorMessage = "The evidence must be 4,000 characters or fewer")]
        public string? Evidence { get; set; }
    }
}
