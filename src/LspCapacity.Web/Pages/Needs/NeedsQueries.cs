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

    /// <summary>
    /// A partnership's mean capacity in a theme, and in the baseline round when this survey is a follow-up.
    /// <see cref="Travelled"/> is the distance travelled: the one place it is worked out.
    /// </summary>
    public sealed record ThemeChange(int PartnershipId, int ThemeId, double Mean, double? Baseline)
    {
        public NeedLevel Level => Survey.NeedFrom(Mean)!.Value;

        /// <summary>Capacity gained since the baseline, in rating points; null when there is nothing to compare.</summary>
        public double? Travelled => Baseline is { } before ? Mean - before : null;
    }

    /// <summary>The means of <paramref name="surveyId"/>, each beside the same partnership and theme's mean in <paramref name="baselineSurveyId"/>.</summary>
    public static async Task<List<ThemeChange>> CompareWithBaselineAsync(AppDbContext db, int surveyId, int? baselineSurveyId, int? partnershipId,
        CancellationToken cancellationToken)
    {
        var means = await MeansAsync(db, surveyId, partnershipId, cancellationToken);
        var before = baselineSurveyId is { } baselineId
            ? (await MeansAsync(db, baselineId, partnershipId, cancellationToken)).ToDictionary(m => (m.PartnershipId, m.ThemeId), m => m.Mean)
            : [];
        return means.Select(m => new ThemeChange(m.PartnershipId, m.ThemeId, m.Mean,
            before.TryGetValue((m.PartnershipId, m.ThemeId), out var was) ? was : null)).ToList();
    }

    public sealed record SurveyRef(int Id, string Title, int? BaselineSurveyId);

    /// <summary>The region's newest survey that has a submitted response: where the region's current needs are read from.</summary>
    public static Task<SurveyRef?> LatestAnsweredAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        db.Surveys.AsNoTracking()
            .Where(s => s.RegionId == regionId && db.SurveyResponses.Any(r => r.SurveyId == s.Id && r.Status == ResponseStatus.Submitted))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new SurveyRef(s.Id, s.Title, s.BaselineSurveyId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The region's newest follow-up survey that has a submitted response: the latest distance travelled.</summary>
    public static Task<SurveyRef?> LatestAnsweredFollowUpAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        db.Surveys.AsNoTracking()
            .Where(s => s.RegionId == regionId && s.BaselineSurveyId != null
                        && db.SurveyResponses.Any(r => r.SurveyId == s.Id && r.Status == ResponseStatus.Submitted))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new SurveyRef(s.Id, s.Title, s.BaselineSurveyId))
            .FirstOrDefaultAsync(cancellationToken);
}
