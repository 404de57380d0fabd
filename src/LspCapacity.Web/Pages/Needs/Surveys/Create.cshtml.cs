using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Needs.Surveys;

/// <summary>Creates a draft survey from the programme's needs-analysis template.</summary>
[Authorize(Policy = Policies.InARegion)]
public class CreateModel(AppDbContext db, NeedsTemplate template, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Baselines { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> Rounds =
    [
        new("Baseline: the first needs analysis", nameof(SurveyRound.Baseline)),
        new("Follow-up: asked again to measure the distance travelled", nameof(SurveyRound.FollowUp)),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Round = SurveyRound.Baseline;
        Input.Title = $"Needs analysis {UkTime.Today(clock).Year}";
        // A programme started from last year's offers last year's follow-up as its baseline: suggest comparing with it.
        var regionId = me.RequiredRegionId;
        var today = UkTime.Today(clock);
        Input.BaselineSurveyId = await db.Programmes.AsNoTracking().Where(p => p.RegionId == regionId)
            .OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn)
            .Select(p => p.BaselineSurveyId).FirstOrDefaultAsync(cancellationToken);
        if (Input.BaselineSurveyId is not null)
        {
            Input.Round = SurveyRound.FollowUp;
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        if (Input.Round == SurveyRound.FollowUp && Input.BaselineSurveyId is null)
        {
            ModelState.AddModelError("Input.BaselineSurveyId", "Select the baseline survey to compare with");
        }
        if (Input.BaselineSurveyId is { } baseline
            && !await db.Surveys.AnyAsync(s => s.Id == baseline && s.RegionId == regionId
                && (s.Round == SurveyRound.Baseline || db.Programmes.Any(p => p.RegionId == regionId && p.BaselineSurveyId == s.Id)), cancellationToken))
        {
            ModelState.AddModelError("Input.BaselineSurveyId", "Select a baseline survey from the list");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            var survey = await template.CreateSurveyAsync(regionId, Input.Title, Input.Round!.Value, Input.BaselineSurveyId,
                clock.GetUtcNow().UtcDateTime, cancellationToken);
            db.Surveys.Add(survey);
            db.Audit(me.Id, "survey.created", survey, survey.Title);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{survey.Title} has been created from the template. Check the questions, then open it.");
            return RedirectToPage("/Needs/Surveys/Details", new { id = survey.Id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Needs);
        var regionId = me.RequiredRegionId;
        // Baseline rounds, and a previous year's follow-up that a programme offers as its new baseline.
        Baselines = await db.Surveys.AsNoTracking().Where(s => s.RegionId == regionId
                && (s.Round == SurveyRound.Baseline || db.Programmes.Any(p => p.RegionId == regionId && p.BaselineSurveyId == s.Id)))
            .OrderByDescending(s => s.CreatedAt).Select(s => new SelectListItem(s.Title, s.Id.ToString())).ToListAsync(cancellationToken);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a title")]
        [StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Select the round")]
        [EnumDataType(typeof(SurveyRound), ErrorMessage = "Select the round")]
        [Display(Name = "round")]
        public SurveyRound? Round { get; set; }

        [Display(Name = "baseline survey")]
        public int? BaselineSurveyId { get; set; }
    }
}
