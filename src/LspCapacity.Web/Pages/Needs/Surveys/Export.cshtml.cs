using System.Globalization;
using CsvHelper;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Needs.Surveys;

/// <summary>Every answer of every partnership to a survey, as CSV, for coordinators.</summary>
public class ExportModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.RegionId, s.Title }).SingleOrDefaultAsync(cancellationToken);
        if (survey is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(survey.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        var rows = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == id)
            .SelectMany(r => r.Answers, (r, a) => new { r.PartnershipId, r.Status, a.QuestionId, a.Rating, a.Text, a.Choices, a.UpdatedById, a.UpdatedAt })
            .Join(db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections).SelectMany(s => s.Questions, (s, q) => new { Section = s.Title, SectionPosition = s.Position, q.Id, q.Position, q.Text, q.Kind }),
                a => a.QuestionId, q => q.Id, (a, q) => new { a, q })
            .Join(db.Partnerships, x => x.a.PartnershipId, p => p.Id, (x, p) => new { x.a, x.q, Partnership = p.Name })
            .OrderBy(x => x.Partnership).ThenBy(x => x.q.SectionPosition).ThenBy(x => x.q.Position)
            .Select(x => new
            {
                x.Partnership,
                x.a.Status,
                x.q.Section,
                Question = x.q.Text,
                x.q.Kind,
                x.a.Rating,
                x.a.Text,
                x.a.Choices,
                By = db.Users.Where(u => u.Id == x.a.UpdatedById).Select(u => u.DisplayName).FirstOrDefault(),
                x.a.UpdatedAt,
            })
            .ToListAsync(cancellationToken);

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
        {
            csv.WriteRecord(["Partnership", "Response", "Section", "Question", "Rating", "Answer", "Changed by", "Changed at (UK time)"]);
            foreach (var row in rows)
            {
                csv.WriteRecord(
                [
                    row.Partnership,
                    row.Status == ResponseStatus.Submitted ? "Submitted" : "Draft",
                    row.Section,
                    row.Question,
                    row.Rating?.ToString(CultureInfo.InvariantCulture) ?? "",
                    CsvCells.Safe(row.Kind == QuestionKind.FreeText ? row.Text : string.Join("; ", row.Choices)),
                    CsvCells.Safe(row.By),
                    row.UpdatedAt is { } at ? UkTime.ToUk(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                ]);
            }
        }
        var name = string.Concat(survey.Title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
        return new CsvFileResult(writer.ToString(), $"{name}-answers.csv");
    }
}
