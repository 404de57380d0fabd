using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Needs.Surveys;

/// <summary>The survey builder: add a question to a section, change one, or remove it — while the survey is a draft.</summary>
public class QuestionModel(AppDbContext db, CurrentUser me, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The section to add to (?section=), when adding.</summary>
    [BindProperty(SupportsGet = true)] public int? Section { get; set; }

    public string SurveyTitle { get; private set; } = "";
    public string SectionTitle { get; private set; } = "";
    public bool Editing { get; private set; }
    public IReadOnlyList<SelectListItem> Kinds { get; } =
    [
        new("Rating 1 to 5 (self-assessed capacity)", nameof(QuestionKind.Rating)),
        new("One choice from a list", nameof(QuestionKind.SingleChoice)),
        new("Several choices from a list", nameof(QuestionKind.MultipleChoice)),
        new("Free text", nameof(QuestionKind.FreeText)),
    ];

    public async Task<IActionResult> OnGetAsync(int id, int? questionId, CancellationToken cancellationToken)
    {
        var (survey, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (questionId is { } qid)
        {
            var question = survey!.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.Id == qid);
            if (question is null)
            {
                return NotFound();
            }
            Editing = true;
            SectionTitle = survey.Sections.Single(s => s.Questions.Contains(question)).Title;
            Input = new InputModel
            {
                Kind = question.Kind, Text = question.Text, Help = question.Help, Required = question.Required,
                Options = string.Join("\n", question.Options),
            };
        }
        else
        {
            Input.Kind = QuestionKind.Rating;
            Input.Required = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? questionId, CancellationToken cancellationToken)
    {
        var (survey, refusal) = await LoadAsync(id, cancellationToken, tracked: true);
        if (refusal is not null)
        {
            return refusal;
        }
        Editing = questionId is not null;
        if (!Editing && Input.Kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Select the kind of question");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var options = (Input.Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        try
        {
            if (questionId is { } qid)
            {
                var question = survey!.UpdateQuestion(qid, Input.Text, Input.Required, Input.Help, options);
                db.Audit(me.Id, "survey.question-changed", question, question.Text);
            }
            else
            {
                var section = survey!.Sections.Single(s => s.Position == Section);
                var question = section.AddQuestion(Input.Kind!.Value, Input.Text, Input.Required, Input.Help, options);
                db.Audit(me.Id, "survey.question-added", survey, question.Text);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, field: e.Message.Contains("option", StringComparison.Ordinal) ? "Input.Options" : "");
        }
        TempData.SetSuccess(questionId is null ? "The question has been added." : "The question has been changed.");
        return RedirectToPage("/Needs/Surveys/Details", new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int questionId, CancellationToken cancellationToken)
    {
        var (survey, refusal) = await LoadAsync(id, cancellationToken, tracked: true);
        if (refusal is not null)
        {
            return refusal;
        }
        try
        {
            survey!.RemoveQuestion(questionId);
            db.Audit(me.Id, "survey.question-removed", survey, questionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            Editing = true;
            return await this.RefusedAsync(e, db);
        }
        TempData.SetSuccess("The question has been removed.");
        return RedirectToPage("/Needs/Surveys/Details", new { id });
    }

    private async Task<(Survey? Survey, IActionResult? Refusal)> LoadAsync(int id, CancellationToken cancellationToken, bool tracked = false)
    {
        ViewData.SetSection(SiteSection.Needs);
        var query = db.Surveys.Include(s => s.Sections).ThenInclude(s => s.Questions).AsSplitQuery();
        var survey = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null)
        {
            return (null, NotFound());
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(survey.RegionId), Operations.Manage)).Succeeded)
        {
            return (null, Forbid());
        }
        SurveyTitle = survey.Title;
        if (survey.Status != SurveyStatus.Draft)
        {
            ModelState.AddModelError("", "The questions of a survey are frozen once it has opened.");
        }
        if (Section is { } position)
        {
            SectionTitle = survey.Sections.FirstOrDefault(s => s.Position == position)?.Title ?? "";
            if (SectionTitle == "")
            {
                return (null, NotFound());
            }
        }
        return (survey, null);
    }

    public sealed class InputModel
    {
        // Required when adding; a question's kind cannot change.
        [EnumDataType(typeof(QuestionKind), ErrorMessage = "Select the kind of question")]
        [Display(Name = "kind of question")]
        public QuestionKind? Kind { get; set; }

        [Required(ErrorMessage = "Enter the question")]
        [StringLength(500, ErrorMessage = "The question must be 500 characters or fewer")]
        public string Text { get; set; } = "";

        [StringLength(1000, ErrorMessage = "Help text must be 1,000 characters or fewer")]
        public string? Help { get; set; }

        public bool Required { get; set; }

        [StringLength(2000, ErrorMessage = "Options must be 2,000 characters or fewer")]
        public string? Options { get; set; }
    }
}
