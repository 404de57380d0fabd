using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.National;

/// <summary>
/// The region comparison: the dashboard's figures, by the same definitions (<see cref="Figures"/>,
/// <see cref="Dashboard.DashboardQueries"/>, <see cref="Dashboard.ProjectQueries"/>), for every region at once.
/// Each figure is one GROUP BY over all regions, never a query per region, so the page costs the same for
/// nine regions as for one.
/// </summary>
public static class ComparisonQueries
{
    public sealed record RegionFigures(int RegionId, string Region, int Partnerships,
        string? Survey, int Submitted, int SurveyPartnerships,
        int UpcomingPlaces, int UpcomingConfirmed,
        decimal SpentOnCompleted, int AttendedAtCompleted,
        string? FollowUp, double? Distance, int DistancePairs,
        int SupportGiven, int SupportLinked)
    {
        /// <summary>Submitted responses to the region's latest survey out of its active partnerships (as the dashboard).</summary>
        public double? ResponseRate => Figures.Rate(Submitted, SurveyPartnerships);

        /// <summary>Confirmed places out of the capacity of the published activities still to start.</summary>
        public double? FillRate => Figures.Rate(UpcomingConfirmed, UpcomingPlaces);

        /// <summary>The costs of completed activities per place attended at them.</summary>
        public decimal? CostPerAttendedPlace => Figures.CostPerAttendedPlace(SpentOnCompleted, AttendedAtCompleted);

        /// <summary>Attended places and started placements serving a supported project, out of all of them.</summary>
        public double? LinkedShare => Figures.Rate(SupportLinked, SupportGiven);
    }

    public const string ResponseRateRule = "Response rate: submitted responses to the region's latest survey, out of its active partnerships.";
    public const string FillRateRule = "Fill rate: confirmed places out of the places of the published activities still to start.";
    public const string CostRule = Dashboard.DashboardQueries.CostPerPlaceRule;
    public const string DistanceRule = "Distance travelled: the mean change in capacity rating (1 to 5) from the baseline to the region's latest answered follow-up survey, over every partnership and theme rated in both.";
    public const string LinkedRule = "Linked to projects: the places attended and the placements started that serve a supported improvement project, out of all of them.";

    /// <summary>
    /// Every region's figures. All but the fill rate change only with a saved change the needs scope (partnerships, surveys
    /// and their answers, attendance, placements), the reference scope (a region's name) or the programme scope (an
    /// activity's status and cost lines, the places linked to projects) counts (<see cref="DataScopes.Touched"/>), or with
    /// the day (placements started by today, in the key): they are worked out once per version (<see cref="FiguresCache"/>).
    /// The fill rate moves with every place booked and with the clock: it is read each time, one GROUP BY.
    /// </summary>
    public static async Task<IReadOnlyList<RegionFigures>> AllAsync(AppDbContext db, FiguresCache cache, DateTime now, DateOnly today,
        CancellationToken cancellationToken)
    {
        var kept = await cache.GetOrAddAsync(db, [DataScopes.Needs, DataScopes.Reference, DataScopes.Programme], $"regions-compared:{today:yyyy-MM-dd}",
            ct => WorkOutAsync(db, today, ct), cancellationToken);
        var upcoming = new Dictionary<int, UpcomingPlaces>();
        await foreach (var region in UpcomingByRegion.For(db)(db, now).WithCancellation(cancellationToken))
        {
            upcoming[region.RegionId] = region;
        }
        return kept.Select(r => upcoming.GetValueOrDefault(r.RegionId) is { } up ? r with { UpcomingPlaces = up.Places, UpcomingConfirmed = up.Confirmed } : r)
            .ToList();
    }

    /// <summary>
    /// Each region's places at published activities still to start, and how many are confirmed: read on every visit (the rest
    /// is kept), compiled once: composed, EF's work to match it to its cached SQL was paid on every visit.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, DateTime, IAsyncEnumerable<UpcomingPlaces>>> UpcomingByRegion = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, DateTime now) => db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Published && a.StartsAt > now)
            .GroupBy(a => a.RegionId).Select(g => new UpcomingPlaces(g.Key, g.Sum(a => a.Capacity), g.Sum(a => a.ConfirmedCount)))));

    private sealed record UpcomingPlaces(int RegionId, int Places, int Confirmed);

    /// <summary>The figures that change only with the data (no upcoming places: <see cref="AllAsync"/> adds them).</summary>
    private static async Task<List<RegionFigures>> WorkOutAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.IsActive).GroupBy(p => p.RegionId)
            .Select(g => new { RegionId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.RegionId, x => x.Count, cancellationToken);

        // Response rate: the latest survey out of draft in each region (as the dashboard's overview picks it).
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.Status != SurveyStatus.Draft)
            .Select(s => new { s.Id, s.RegionId, s.Title, s.CreatedAt, s.BaselineSurveyId }).ToListAsync(cancellationToken);
        var latestSurvey = surveys.GroupBy(s => s.RegionId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).First());
        var latestIds = latestSurvey.Values.Select(s => s.Id).ToList();
        var submittedBySurvey = await db.SurveyResponses.AsNoTracking()
            .Where(r => latestIds.Contains(r.SurveyId) && r.Status == ResponseStatus.Submitted)
            .GroupBy(r => r.SurveyId).Select(g => new { SurveyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.SurveyId, x => x.Count, cancellationToken);

        // Cost per attended place: completed activities' costs, and the places attended at them.
        var spent = await db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Completed)
            .SelectMany(a => a.Costs, (a, c) => new { a.RegionId, c.Amount })
            .GroupBy(x => x.RegionId).Select(g => new { RegionId = g.Key, Total = g.Sum(x => x.Amount) })
            .ToDictionaryAsync(x => x.RegionId, x => x.Total, cancellationToken);
        var attendedAtCompleted = await db.Bookings.AsNoTracking()
            .Where(b => b.Attendance == Attendance.Attended && b.Activity!.Status == ActivityStatus.Completed)
            .GroupBy(b => b.Activity!.RegionId).Select(g => new { RegionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RegionId, x => x.Count, cancellationToken);

        // Support linked to projects: attended places and started placements.
        var places = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.Attendance == Attendance.Attended)
            .GroupBy(b => b.Activity!.RegionId).Select(g => new { RegionId = g.Key, Count = g.Count(), Linked = g.Count(b => b.ProjectId != null) })
            .ToDictionaryAsync(x => x.RegionId, cancellationToken);
        var placements = await db.Placements.AsNoTracking().Where(p => p.StartsOn <= today)
            .GroupBy(p => p.RegionId).Select(g => new { RegionId = g.Key, Count = g.Count(), Linked = g.Count(p => p.ProjectId != null) })
            .ToDictionaryAsync(x => x.RegionId, cancellationToken);

        // Distance travelled: each region's latest answered follow-up against its baseline.
        var answered = await db.Surveys.AsNoTracking()
            .Where(s => s.BaselineSurveyId != null && db.SurveyResponses.Any(r => r.SurveyId == s.Id && r.Status == ResponseStatus.Submitted))
            .Select(s => new { s.Id, s.RegionId, s.Title, s.CreatedAt, Baseline = s.BaselineSurveyId!.Value }).ToListAsync(cancellationToken);
        var followUps = answered.GroupBy(s => s.RegionId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).First());
        var meanSurveys = followUps.Values.SelectMany(f => new[] { f.Id, f.Baseline }).Distinct().ToList();
        var means = (await MeansAsync(db, meanSurveys, cancellationToken)).ToDictionary(m => (m.SurveyId, m.PartnershipId, m.ThemeId), m => m.Mean);

        return regions.Select(r =>
        {
            var survey = latestSurvey.GetValueOrDefault(r.Id);
            var pl = places.GetValueOrDefault(r.Id);
            var pm = placements.GetValueOrDefault(r.Id);
            var followUp = followUps.GetValueOrDefault(r.Id);
            var changes = followUp is null ? []
                : means.Where(m => m.Key.SurveyId == followUp.Id && means.ContainsKey((followUp.Baseline, m.Key.PartnershipId, m.Key.ThemeId)))
                    .Select(m => m.Value - means[(followUp.Baseline, m.Key.PartnershipId, m.Key.ThemeId)]).ToList();
            return new RegionFigures(r.Id, r.Name, partnerships.GetValueOrDefault(r.Id),
                survey?.Title, survey is null ? 0 : submittedBySurvey.GetValueOrDefault(survey.Id), partnerships.GetValueOrDefault(r.Id),
                0, 0,
                spent.GetValueOrDefault(r.Id), attendedAtCompleted.GetValueOrDefault(r.Id),
                followUp?.Title, changes.Count == 0 ? null : changes.Average(), changes.Count,
                (pl?.Count ?? 0) + (pm?.Count ?? 0), (pl?.Linked ?? 0) + (pm?.Linked ?? 0));
        }).ToList();
    }

    private sealed record SurveyThemeMean(int SurveyId, int PartnershipId, int ThemeId, double Mean);

    /// <summary>Mean rating per (survey, partnership, theme) over the submitted responses of several surveys: one query (the needs module's means, for many surveys).</summary>
    private static Task<List<SurveyThemeMean>> MeansAsync(AppDbContext db, List<int> surveyIds, CancellationToken cancellationToken) =>
        db.SurveyResponses.AsNoTracking().Where(r => surveyIds.Contains(r.SurveyId) && r.Status == ResponseStatus.Submitted)
            .SelectMany(r => r.Answers.Where(a => a.Rating != null), (r, a) => new { r.SurveyId, r.PartnershipId, a.QuestionId, a.Rating })
            .Join(db.Surveys.Where(s => surveyIds.Contains(s.Id)).SelectMany(s => s.Sections).Where(s => s.ThemeId != null)
                    .SelectMany(s => s.Questions, (s, q) => new { q.Id, s.ThemeId }),
                a => a.QuestionId, q => q.Id, (a, q) => new { a.SurveyId, a.PartnershipId, ThemeId = q.ThemeId!.Value, a.Rating })
            .GroupBy(x => new { x.SurveyId, x.PartnershipId, x.ThemeId })
            .Select(g => new SurveyThemeMean(g.Key.SurveyId, g.Key.PartnershipId, g.Key.ThemeId, g.Average(x => (double)x.Rating!.Value)))
            .ToListAsync(cancellationToken);
}
