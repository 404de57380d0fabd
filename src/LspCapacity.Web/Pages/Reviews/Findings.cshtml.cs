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
/// The team's findings (strengths and areas for improvement per focus theme), recommendations and the
/// report's summary: written during and after the visit, until the host agrees the report.
/// </summary>
public class FindingsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public ReviewAccess.Header Review { get; private set; } = default!;
    public ReviewActor Actor { get; private set; }
    public bool CanWrite { get; private set; }

    /// <summary>The on-site visit has not started: nothing can be recorded yet.</summary>
    public bool BeforeVisit { get; private set; }
    public string? ReportSummary { get; private set; }
    public IReadOnlyList<ThemeFindings> Themes { get; private set; } = [];
    public IReadOnlyList<RecommendationRow> General { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ThemeItems { get; private set; } = [];

    [BindProperty] public FindingInput Finding { get; set; } = new();
    [BindProperty] public RecommendationInput Recommendation { get; set; } = new();
    [BindProperty] public SummaryInput Summary { get; set; } = new();
    [BindProperty] public int? RemoveId { get; set; }

    public static IEnumerable<SelectListItem> Kinds =>
        [new(ReviewStages.Kind(FindingKind.Strength), nameof(FindingKind.Strength)), new(ReviewStages.Kind(FindingKind.AreaForImprovement), nameof(FindingKind.AreaForImprovement))];

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, fill: true, cancellationToken);

    public Task<IActionResult> OnPostFindingAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Finding.", review =>
        {
            review.AddFinding(ActorOf(review), me.RequiredId, Finding.ThemeId!.Value, Finding.Kind!.Value, Finding.Text, UkTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            return "The finding is recorded.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveFindingAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "RemoveId", review =>
        {
            review.RemoveFinding(ActorOf(review), RemoveId ?? 0);
            return "The finding is removed.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRecommendationAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Recommendation.", review =>
        {
            review.AddRecommendation(ActorOf(review), Recommendation.ThemeId, Recommendation.Text, UkTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            return "The recommendation is recorded.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveRecommendationAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "RemoveId", review =>
        {
            review.RemoveRecommendation(ActorOf(review), RemoveId ?? 0);
            return "The recommendation is removed.";
        }, cancellationToken);

    public Task<IActionResult> OnPostSummaryAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Summary.", review =>
        {
            review.WriteReportSummary(ActorOf(review), Summary.Text, UkTime.Today(clock));
            return "The summary is saved.";
        }, cancellationToken);

    private ReviewActor ActorOf(PeerReview review) =>
        ReviewRule.ActorOf(User, review);

    private async Task<IActionResult> ActAsync(int id, string prefix, Func<PeerReview, string> action, CancellationToken cancellationToken)
    {
        // Only this form's fields count: the page holds several forms.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        var review = await db.PeerReviews.Include(r => r.FocusThemes).Include(r => r.Team).Include(r => r.Findings).Include(r => r.Recommendations)
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
            return await ShowAsync(id, fill: false, cancellationToken);
        }
        try
        {
            TempData.SetSuccess(action(review));
            db.Audit(me.Id, "review.findings-changed", review);
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage("/Reviews/Findings", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, fill: false, cancellationToken));
        }
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
        BeforeVisit = UkTime.Today(clock) < Review.OnSiteStartsOn;
        CanWrite = (Actor & ReviewActor.Team) != ReviewActor.None && Review.Stage is (ReviewStage.OnSite or ReviewStage.Findings) && !BeforeVisit;
        var report = await ReportQueries.LoadAsync(db, id, cancellationToken);
        ReportSummary = report.Summary;
        Themes = report.Themes;
        General = report.General;
        ThemeItems = Themes.Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList();
        if (fill)
        {
            Summary.Text = ReportSummary ?? "";
        }
        return Page();
    }

    public sealed class FindingInput
    {
        [Required(ErrorMessage = "Select the theme")]
        [Display(Name = "theme")]
        public int? ThemeId { get; set; }

        [Required(ErrorMessage = "Select strength or area for improvement")]
        [EnumDataType(typeof(FindingKind), ErrorMessage = "Select strength or area for improvement")]
        public FindingKind? Kind { get; set; }

        [Required(ErrorMessage = "Enter the finding")]
        [StringLength(4000, ErrorMessage = "The finding must be 4,000 characters or fewer")]
        public string Text { get; set; } = "";
    }

    public sealed class RecommendationInput
    {
        [Display(Name = "theme")]
        public int? ThemeId { get; set; }

        [Required(ErrorMessage = "Enter the recommendation")]
        [StringLength(4000, ErrorMessage = "The recommendation must be 4,000 characters or fewer")]
        public string Text { get; set; } = "";
    }

    public sealed class SummaryInput
    {
        [Required(ErrorMessage = "Enter the summary")]
        [StringLength(10_000, ErrorMessage = "The summary must be 10,000 characters or fewer")]
        public string Text { get; set; } = "";
    }
}
