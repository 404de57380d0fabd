using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Needs;

/// <summary>Mean self-assessed capacity per partnership and theme, from submitted responses: the one way need is measured.</summary>
public static class NeedsQueries
{
    public sealed record ThemeMean(int PartnershipId, int ThemeId, double Mean)
    {
        public NeedLevel Level => Survey.NeedFrom(Mean)!.Value;
    }

    public static Task<List<ThemeMean>> MeansAsync(AppDbContext db, int surveyId, int? partnershipId, CancellationToken cancellationToken)
    {
        var responses = db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId && r.Status == ResponseStatus.Submitted);
        if (partnershipId is not null)
        {
            responses = responses.Where(r => r.PartnershipId == partnershipId);
        }
        return responses
            .SelectMany(r => r.Answers.Where(a => a.Rating != null), (r, a) => new { r.PartnershipId, a.QuestionId, a.Rating })
            .Join(db.Surveys.Where(s => s.Id == surveyId).SelectMany(s => s.Sections).Where(s => s.ThemeId != null)
                    .SelectMany(s => s.Questions, (s, q) => new { q.Id, s.ThemeId }),
                a => a.QuestionId, q => q.Id, (a, q) => new { a.PartnershipId, ThemeId = q.ThemeId!.Value, a.Rating })
            .GroupBy(x => new { x.PartnershipId, x.ThemeId })
            .Select(g => new ThemeMean(g.Key.PartnershipId, g.Key.ThemeId, g.Average(x => (double)x.Rating!.Value)))
            .ToListAsync(cancellationToken);
    }
}
