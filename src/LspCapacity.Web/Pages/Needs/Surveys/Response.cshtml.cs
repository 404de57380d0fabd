using System.Globalization;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Needs.Surveys;

/// <summary>
/// A partnership's response, one section a page, saved as the staff go, then a "check your answers"
/// page and a single submit. Staff see only their own partnership's response; coordinators may read
/// any partnership's in their region (?partnership=).
/// </summary>
public class ResponseModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Section { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool Check { get; set; }
    [BindProperty(SupportsGet = true, Name = "partnership")] public int? PartnershipParam { get; set; }

    /// <summary>Rating, single choice and free-text answers by question id.</summary>
    // An explicit name stops the binder falling back to every form key when none is posted.
    [BindProperty(Name = "Answers")] public Dictionary<int, string?> Answers { get; set; } = [];

    /// <summary>Multiple-choice answers as "questionId:option".</summary>
    [BindProperty(Name = "Choices")] public List<string> Choices { get; set; } = [];

    /// <summary>Each answer as it was when the form was shown, so only what this person changed is saved.</summary>
    [BindProperty(Name = "Original")] public Dictionary<int, string?> Original { get; set; } = [];

    public Survey Survey { get; private set; } = default!;
    public string PartnershipName { get; private set; } = "";
    public SurveyResponse? Saved { get; private set; }
    public bool ReadOnly { get; private set; }
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public SurveySection CurrentSection => Survey.Sections.OrderBy(s => s.Position).ElementAt(Math.Clamp(Section, 1, Survey.Sections.Count) - 1);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (ReadOnly)
        {
            ModelState.AddModelError("", "This response cannot be changed.");
            return Page();
        }
        var section = CurrentSection;
        var inSection = section.Questions.Select(q => q.Id).ToHashSet();
        if (Answers.Keys.Concat(Original.Keys).Any(k => !inSection.Contains(k))
            || Choices.Any(c => c is null || !int.TryParse(c.Split(':')[0], out var q) || !inSection.Contains(q)))
        {
            ModelState.AddModelError("", "Some answers were for questions that are not in this section. Nothing was saved; please try again.");
            return Page();
        }
        foreach (var question in section.Questions.Where(q => q.Kind == QuestionKind.Rating))
        {
            if (Answers.GetValueOrDefault(question.Id) is { Length: > 0 } raw
                && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5))
            {
                ModelState.AddModelError($"Answers[{question.Id}]", $"Choose a rating from 1 to 5 for \"{question.Text}\"");
            }
        }
        foreach (var question in section.Questions.Where(q => q.Kind == QuestionKind.FreeText))
        {
            if (Answers.GetValueOrDefault(question.Id)?.Trim() is { Length: > Answer.MaxTextLength })
            {
                ModelState.AddModelError($"Answers[{question.Id}]", $"Your answer to \"{question.Text}\" must be 4,000 characters or fewer");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var partnershipId = PartnershipIdFor()!.Value;
        try
        {
            var changed = await db.InTransactionAsync(async ct =>
            {
                var survey = await LoadSurveyAsync(id, tracked: true, ct);
                var response = await db.SurveyResponses.Include(r => r.Answers)
                                   .SingleOrDefaultAsync(r => r.SurveyId == id && r.PartnershipId == partnershipId, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                if (response is null)
                {
                    response = new SurveyResponse(id, partnershipId, now);
                    db.SurveyResponses.Add(response);
                }
                var posted = section.Questions.ToDictionary(q => q.Id, q => new PostedAnswer(
                    Answers.GetValueOrDefault(q.Id),
                    Choices.Where(c => c.StartsWith($"{q.Id}:", StringComparison.Ordinal)).Select(c => c[(c.IndexOf(':') + 1)..]).ToList(),
                    Original.GetValueOrDefault(q.Id) ?? ""));
                var (count, conflicts) = response.SaveSection(survey, section.Id, posted, me.RequiredId, now);
                Conflicts = conflicts;
                await db.SaveChangesAsync(ct);
                if (count > 0)
                {
                    db.Audit(me.Id, "survey.answers-saved", response, $"section {section.Position}: {count} answer{(count == 1 ? "" : "s")} changed");
                    await db.SaveChangesAsync(ct);
                }
                return count;
            }, cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        if (Conflicts.Count > 0)
        {
            // Show the colleague's saved answers, with this person's input kept in the form, and say which.
            await LoadAsync(id, cancellationToken);
            foreach (var question in Conflicts)
            {
                ModelState.AddModelError($"Answers[{question.Id}]",
                    $"A colleague changed \"{question.Text}\" while you were editing. Their answer is saved; check it and save again if yours should replace it.");
            }
            return Page();
        }
        return Section < Survey.Sections.Count
            ? RedirectToPage("/Needs/Surveys/Response", new { id, section = Section + 1 })
            : RedirectToPage("/Needs/Surveys/Response", new { id, check = "true" });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Check = true;
        var partnershipId = PartnershipIdFor()!.Value;
        try
        {
            await db.InTransactionAsync(async ct =>
            {
                var survey = await LoadSurveyAsync(id, tracked: true, ct);
                var response = await db.SurveyResponses.Include(r => r.Answers)
                                   .SingleOrDefaultAsync(r => r.SurveyId == id && r.PartnershipId == partnershipId, ct)
                               ?? throw new DomainException("Answer the questions before submitting.");
                response.Submit(survey, me.RequiredId, clock.GetUtcNow().UtcDateTime);
                db.Audit(me.Id, "survey.response-submitted", response);
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
        }
        catch (DomainException e)
        {
            // Questions left: point at the first of them, by section, not only at how many there are.
            var missing = Saved?.Missing(Survey) ?? Survey.Sections.SelectMany(x => x.Questions).Where(q => q.Required).ToList();
            var firstMissing = missing
                .Select(q => (Question: q, Section: Survey.Sections.Single(x => x.Id == q.SectionId)))
                .OrderBy(m => m.Section.Position).ThenBy(m => m.Question.Position)
                .FirstOrDefault();
            if (!ReadOnly && firstMissing is ({ } first, { } section))
            {
                ModelState.AddModelError($"Answers[{first.Id}]", missing.Count == 1
                    ? $"Answer \"{first.Text}\" in {section.Title} before submitting"
                    : $"Answer \"{first.Text}\" in {section.Title} before submitting ({missing.Count} questions still to answer)");
            }
            else
            {
                ModelState.AddModelError("", e.Message);
            }
            return Page();
        }
        TempData.SetSuccess($"{PartnershipName}'s response has been submitted. Thank you.");
        return RedirectToPage("/Needs/Surveys/Details", new { id });
    }

    private int? PartnershipIdFor() => me.IsCoordinator ? PartnershipParam ?? me.PartnershipId : me.PartnershipId;

    private Task<Survey> LoadSurveyAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Surveys.Include(s => s.Sections).ThenInclude(s => s.Questions).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleAsync(s => s.Id == id, cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Needs);
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.RegionId, s.Status }).SingleOrDefaultAsync(cancellationToken);
        if (survey is null)
        {
            return NotFound();
        }
        var partnershipId = PartnershipIdFor();
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId)
            .Select(p => new { p.Name, p.RegionId }).SingleOrDefaultAsync(cancellationToken);
        var access = new SurveyResponseRecord(survey.RegionId, survey.Status == SurveyStatus.Draft, partnershipId, partnership?.RegionId);
        if (!(await authorization.AuthorizeAsync(User, access, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Survey = await LoadSurveyAsync(id, tracked: false, cancellationToken);
        PartnershipName = partnership!.Name;
        Saved = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers)
            .SingleOrDefaultAsync(r => r.SurveyId == id && r.PartnershipId == partnershipId, cancellationToken);
        // Coordinators read; only the partnership's own staff write, while the survey is open and the response not submitted.
        ReadOnly = !(await authorization.AuthorizeAsync(User, access, Operations.Change)).Succeeded || !Survey.IsOpenAt(clock.GetUtcNow().UtcDateTime)
                   || Saved?.Status == ResponseStatus.Submitted;
        var editors = Saved?.Answers.Select(a => a.UpdatedById).OfType<string>().Distinct().ToList() ?? [];
        People = await db.Users.AsNoTracking().Where(u => editors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return null;
    }

    public Answer? AnswerTo(Question question) => Saved?.Answers.FirstOrDefault(a => a.QuestionId == question.Id);

    /// <summary>Questions a colleague changed while this person was editing them.</summary>
    public IReadOnlyList<Question> Conflicts { get; private set; } = [];

    /// <summary>The answer as the form shows it, kept in a hidden field to tell later what this person changed.</summary>
    public static string Stamp(Question question, Answer? answer) => AnswerStamp.Of(question, answer);

    /// <summary>What the field shows: the value just posted (after an error), else the saved answer.</summary>
    public string? ValueOf(Question question) =>
        ModelState.TryGetValue($"Answers[{question.Id}]", out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : AnswerTo(question) switch
            {
                null => null,
                { Rating: { } r } => r.ToString(CultureInfo.InvariantCulture),
                { Text: { } t } => t,
                { Choices.Count: > 0 } a => a.Choices[0],
                _ => null,
            };

    public static string Describe(Question question, Answer? answer) => answer is not { IsAnswered: true }
        ? "Not answered"
        : question.Kind switch
        {
            QuestionKind.Rating => Survey.RatingLabels[answer.Rating!.Value - 1],
            QuestionKind.FreeText => answer.Text!,
            _ => string.Join(", ", answer.Choices),
        };
}
