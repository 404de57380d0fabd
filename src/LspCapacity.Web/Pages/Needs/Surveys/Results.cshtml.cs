using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Needs.Surveys;

/// <summary>
/// The region's needs from submitted responses: response rate, a partnerships × themes heatmap of
/// need levels (values in every cell, so colour is never the only cue), themes ranked by need, and
/// the free-text answers.
/// </summary>
public class ResultsModel(AppDbContext db, CurrentUser me, FiguresCache cache, IAuthorizationService authorization) : PageModel
{
    public string Title { get; private set; } = "";
    public int ActivePartnerships { get; private set; }
    public int Submitted { get; private set; }
    public IReadOnlyList<ThemeColumn> Themes { get; private set; } = [];
    public IReadOnlyList<PartnershipRow> Rows { get; private set; } = [];
    public IReadOnlyList<ThemeRank> Ranking { get; private set; } = [];
    public IReadOnlyList<FreeTextQuestion> FreeText { get; private set; } = [];

    /// <summary>A follow-up round: cells also show the change since the baseline (the distance travelled).</summary>
    public bool IsFollowUp { get; private set; }

    public bool AggregateOnly { get; private set; }

    /// <summary>The results as the figures cache holds them: the parts of the page drawn from them alone are rendered once for each.</summary>
    public object Figures { get; private set; } = default!;

    public int ResponseRatePercent => ActivePartnerships == 0 ? 0 : (int)Math.Round(100.0 * Submitted / ActivePartnerships);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Needs);
        var survey = await SurveyOf.For(db)(db, id);
        if (survey is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(survey.RegionId, survey.Status == SurveyStatus.Draft), Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        // One partnership's answers are for its own staff and coordinators; everyone else sees the region's aggregate.
        AggregateOnly = !me.IsCoordinator;
        Title = survey.Title;
        // Worked out once per change to the needs figures, for everyone allowed to see them.
        var results = await cache.GetOrAddAsync(db, DataScopes.Needs, "survey-results:" + id,
            ct => WorkOutAsync(id, survey.RegionId, ct), cancellationToken);
        Figures = results;
        ActivePartnerships = results.ActivePartnerships;
        Submitted = results.Submitted;
        IsFollowUp = results.IsFollowUp;
        Themes = results.Themes;
        Ranking = results.Ranking;
        if (!AggregateOnly)
        {
            Rows = results.Rows;
            FreeText = results.FreeText;
        }
        return Page();
    }

    private async Task<Results> WorkOutAsync(int id, int regionId, CancellationToken cancellationToken)
    {
        var activePartnerships = await db.Partnerships.AsNoTracking().CountAsync(p => p.RegionId == regionId && p.IsActive, cancellationToken);
        var submitted = db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == id && r.Status == ResponseStatus.Submitted);
        var submittedCount = await submitted.CountAsync(cancellationToken);

        var baseline = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => s.BaselineSurveyId).SingleAsync(cancellationToken);
        var means = await NeedsQueries.CompareWithBaselineAsync(db, id, baseline, null, cancellationToken);

        var themes = await db.Surveys.AsNoTracking().Where(s => s.Id == id).SelectMany(s => s.Sections).Where(s => s.ThemeId != null)
            .OrderBy(s => s.Position).Select(s => new ThemeColumn(s.ThemeId!.Value, s.Title)).ToListAsync(cancellationToken);
        var partnershipIds = means.Select(m => m.PartnershipId).Distinct().ToList();
        var names = await db.Partnerships.AsNoTracking().Where(p => partnershipIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var byCell = means.ToDictionary(m => (m.PartnershipId, m.ThemeId));
        var rows = partnershipIds.OrderBy(p => names[p])
            .Select(p => new PartnershipRow(p, names[p], themes.Select(t => byCell.GetValueOrDefault((p, t.ThemeId)) is { } change ? HeatCell.Of(change) : null).ToList()))
            .ToList();
        var ranking = themes.Select(t =>
            {
                var cells = means.Where(m => m.ThemeId == t.ThemeId).ToList();
                return new ThemeRank(t.Name, cells.Count == 0 ? null : cells.Average(c => c.Mean),
                    cells.Count(c => Survey.NeedFrom(c.Mean) == NeedLevel.High));
            })
            .OrderByDescending(r => r.HighNeedCount).ThenBy(r => r.Mean ?? 6).ToList();

        var freeText = await submitted
            .SelectMany(r => r.Answers.Where(a => a.Text != null), (r, a) => new { r.PartnershipId, a.QuestionId, a.Text })
            .Join(db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections).SelectMany(s => s.Questions),
                a => a.QuestionId, q => q.Id, (a, q) => new { a.PartnershipId, QuestionId = q.Id, q.Text, Answer = a.Text, q.Position })
            .Join(db.Partnerships, x => x.PartnershipId, p => p.Id, (x, p) => new { x.QuestionId, x.Text, x.Answer, Partnership = p.Name })
            .ToListAsync(cancellationToken);
        var byQuestion = freeText.GroupBy(x => (x.QuestionId, x.Text)).OrderBy(g => g.Key.QuestionId)
            .Select(g => new FreeTextQuestion(g.Key.Text, g.OrderBy(x => x.Partnership).Select(x => (x.Partnership, x.Answer!)).ToList()))
            .ToList();
        return new Results(activePartnerships, submittedCount, baseline is not null, themes, rows, ranking, byQuestion);
    }

    /// <summary>
    /// The survey's region, title and status: the page's own query on every visit (the rest is kept), compiled once: composed,
    /// EF's work to match it to its cached SQL cost more CPU than SQLite's.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, Task<SurveyFound?>>> SurveyOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int id) => db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => new SurveyFound(s.RegionId, s.Title, s.Status))
            .SingleOrDefault()));

    private sealed record SurveyFound(int RegionId, string Title, SurveyStatus Status);

    /// <summary>Everything the page shows, for a coordinator; staff see all but the rows and the free text.</summary>
    private sealed record Results(int ActivePartnerships, int Submitted, bool IsFollowUp, IReadOnlyList<ThemeColumn> Themes,
        IReadOnlyList<PartnershipRow> Rows, IReadOnlyList<ThemeRank> Ranking, IReadOnlyList<FreeTextQuestion> FreeText);

    public sealed record ThemeColumn(int ThemeId, string Name);

    /// <summary>One row of the heatmap: a cell per theme, null where the partnership gave no rating.</summary>
    public sealed record PartnershipRow(int PartnershipId, string Name, IReadOnlyList<HeatCell?> Cells);

    /// <summary>
    /// A cell of the heatmap as it is shown: the need level, the mean capacity rating ("2.3") and, in a follow-up round, the
    /// change since the baseline ("+0.4", "−0.2"). Formatted once with the cached results, not for each of a large region's
    /// hundreds of cells on every request (formatting the numbers was a fourteenth of the page's CPU; the level's name and
    /// class are made once too).
    /// </summary>
    public sealed record HeatCell(NeedLevel Level, string Mean, string? Travelled)
    {
        /// <summary>The cell's colour class (its level is also its text, so colour is never the only cue).</summary>
        public string Css { get; } = Level switch { NeedLevel.High => "app-need--high", NeedLevel.Medium => "app-need--medium", _ => "app-need--low" };

        /// <summary>The cell's text: "High (2.3)".</summary>
        public string Label { get; } = $"{Level} ({Mean})";

        public static HeatCell Of(NeedsQueries.ThemeChange change) =>
            new(change.Level, change.Mean.ToString("0.0", UkTime.Culture),
                change.Travelled is { } t ? (t >= 0 ? "+" : "−") + Math.Abs(t).ToString("0.0", UkTime.Culture) : null);
    }

    public sealed record ThemeRank(string Name, double? Mean, int HighNeedCount);

    public sealed record FreeTextQuestion(string Question, IReadOnlyList<(string Partnership, string Answer)> Answers);
}
