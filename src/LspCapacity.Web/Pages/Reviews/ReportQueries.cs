using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>A review's report as its pages show it: per focus theme, the host's rating, the findings and the recommendations.</summary>
public static class ReportQueries
{
    public sealed record Report(string? Summary, IReadOnlyList<ThemeFindings> Themes, IReadOnlyList<RecommendationRow> General,
        IReadOnlyList<RecommendationRow> AllRecommendations);

    /// <summary>Four queries whatever the size of the review: themes, findings, recommendations, self-assessment ratings.</summary>
    public static async Task<Report> LoadAsync(AppDbContext db, int reviewId, CancellationToken cancellationToken)
    {
        var review = db.PeerReviews.AsNoTracking().Where(r => r.Id == reviewId);
        var summary = await review.Select(r => r.ReportSummary).SingleAsync(cancellationToken);
        var themes = await review.SelectMany(r => r.FocusThemes).Join(db.Themes, f => f.ThemeId, t => t.Id, (_, t) => t)
            .OrderBy(t => t.Position).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var findings = await review.SelectMany(r => r.Findings).OrderBy(f => f.Id)
            .Select(f => new FindingRow(f.Id, f.ThemeId, f.Kind, f.Text, db.Users.Where(u => u.Id == f.AuthorId).Select(u => u.DisplayName).First()))
            .ToListAsync(cancellationToken);
        var recommendations = (await review.SelectMany(r => r.Recommendations).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.ThemeId, x.Text }).ToListAsync(cancellationToken))
            .Select((x, i) => new RecommendationRow(x.Id, i + 1, x.ThemeId, x.Text)).ToList();
        var ratings = await review.SelectMany(r => r.Answers).Where(a => a.Rating != null)
            .ToDictionaryAsync(a => a.ThemeId, a => a.Rating!.Value, cancellationToken);
        var rows = themes.Select(t => new ThemeFindings(t.Id, t.Name, ratings.TryGetValue(t.Id, out var rating) ? rating : null,
                findings.Where(f => f.ThemeId == t.Id && f.Kind == FindingKind.Strength).ToList(),
                findings.Where(f => f.ThemeId == t.Id && f.Kind == FindingKind.AreaForImprovement).ToList(),
                recommendations.Where(x => x.ThemeId == t.Id).ToList()))
            .ToList();
        return new Report(summary, rows, recommendations.Where(x => x.ThemeId is null).ToList(), recommendations);
    }
}

public sealed record FindingRow(int Id, int ThemeId, FindingKind Kind, string Text, string Author);

/// <summary>A recommendation with its number in the report (1, 2, 3 … in the order they were made).</summary>
public sealed record RecommendationRow(int Id, int Number, int? ThemeId, string Text);

public sealed record ThemeFindings(int Id, string Name, int? SelfRating, IReadOnlyList<FindingRow> Strengths,
    IReadOnlyList<FindingRow> Improvements, IReadOnlyList<RecommendationRow> Recommendations);
