using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// The dashboard's improvement-project figures for one region: projects by status, theme and partnership,
/// the share of support linked to a supported project, results against targets, and projects gone quiet.
/// Like <see cref="DashboardQueries"/>, each method runs a fixed number of SQL commands whatever the number of
/// projects; the page, its charts and the CSV exports read from here. The rules are in <see cref="ProjectFigures"/>.
/// </summary>
public static class ProjectQueries
{
    public static readonly IReadOnlyList<ProjectStatus> Statuses = [ProjectStatus.Proposed, ProjectStatus.Active, ProjectStatus.Closed, ProjectStatus.Declined];

    /// <summary>Projects per status, every status in order, zero included.</summary>
    public sealed record StatusCounts(IReadOnlyDictionary<ProjectStatus, int> Counts)
    {
        public int this[ProjectStatus status] => Counts.GetValueOrDefault(status);
        public int Total => Counts.Values.Sum();
    }

    public sealed record ThemeRow(int ThemeId, string Theme, StatusCounts Projects);

    public sealed record PartnershipRow(int PartnershipId, string Name, StatusCounts Projects);

    /// <summary>Places attended and placements under way or done, and those linked to a supported project.</summary>
    public sealed record SupportLinked(int Attended, int AttendedLinked, int Placements, int PlacementsLinked)
    {
        public double? AttendedShare => Figures.Rate(AttendedLinked, Attended);
        public double? PlacementShare => Figures.Rate(PlacementsLinked, Placements);
        public double? Share => Figures.Rate(AttendedLinked + PlacementsLinked, Attended + Placements);
    }

    public sealed record MeasureResult(int ProjectId, string Project, string Partnership, string Measure, string Unit,
        decimal Baseline, decimal Target, decimal? Latest, decimal? Final)
    {
        public bool? Met => Final is { } final ? ProjectFigures.TargetMet(Baseline, Target, final) : null;
        public double? Progress => Final is { } final ? ProjectFigures.Progress(Baseline, Target, final) : null;
    }

    /// <summary>The measures of the region's closed projects (their final values) against their targets.</summary>
    public sealed record TargetResults(IReadOnlyList<MeasureResult> Measures)
    {
        public int ProjectsClosed => Measures.Select(m => m.ProjectId).Distinct().Count();
        public int Met => Measures.Count(m => m.Met == true);
        public double? MetShare => Figures.Rate(Met, Measures.Count(m => m.Met is not null));

        /// <summary>The mean share of the way from baseline to target that the final values came.</summary>
        public double? MeanProgress
        {
            get
            {
                var progress = Measures.Where(m => m.Progress is not null).Select(m => m.Progress!.Value).ToList();
                return progress.Count == 0 ? null : progress.Average();
            }
        }
    }

    /// <summary>An active project with the support linked to it so far.</summary>
    public sealed record ActiveProject(int Id, string Title, string Partnership, int Places, int Attended, int Placements, int Reviews, DateOnly? LastUpdateOn);

    /// <summary>The region's active projects by partnership and title, each with its linked places, placements and reviews: one query.</summary>
    public static async Task<IReadOnlyList<ActiveProject>> ActiveAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        (await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId && p.Status == ProjectStatus.Active)
            .Select(p => new ActiveProject(p.Id, p.Title, db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(),
                db.Bookings.Count(b => b.ProjectId == p.Id && b.Status == BookingStatus.Confirmed),
                db.Bookings.Count(b => b.ProjectId == p.Id && b.Status == BookingStatus.Confirmed && b.Attendance == Attendance.Attended),
                db.Placements.Count(x => x.ProjectId == p.Id), db.PeerReviews.Count(x => x.ProjectId == p.Id), p.LastUpdateOn))
            .ToListAsync(cancellationToken))
        .OrderBy(p => p.Partnership, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();

    /// <summary>A closed project's practical results, as the end-of-programme report lists them.</summary>
    public sealed record ClosedProject(int Id, string Title, string Partnership, DateTime? ClosedAt, string WhatChanged, string SupportContribution);

    /// <summary>The region's closed projects with what changed, the most recently closed first.</summary>
    public static async Task<IReadOnlyList<ClosedProject>> ClosedAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId && p.Status == ProjectStatus.Closed && p.Results != null)
            .OrderByDescending(p => p.ClosedAt).ThenBy(p => p.Id)
            .Select(p => new ClosedProject(p.Id, p.Title, db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(), p.ClosedAt,
                p.Results!.WhatChanged, p.Results.SupportContribution))
            .ToListAsync(cancellationToken);

    public sealed record QuietProject(int Id, string Title, string Partnership, DateOnly? LastUpdateOn, DateOnly AcceptedOn);

    /// <summary>What the dashboard's front page shows: counts, the linked share, results and quiet projects.</summary>
    public sealed record Overview(StatusCounts ByStatus, SupportLinked Linked, TargetResults Results, int Quiet);

    /// <summary>
    /// The overview, worked out once per data version: projects and their measures and updates, places' links to them
    /// (<see cref="DataScopes.Programme"/>), attendance and placements (<see cref="DataScopes.Needs"/>), partnership names
    /// (<see cref="DataScopes.Reference"/>); which projects have gone quiet depends on <paramref name="today"/>, part of the key.
    /// </summary>
    public static Task<Overview> OverviewAsync(AppDbContext db, FiguresCache cache, int regionId, DateOnly today, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(db, [DataScopes.Needs, DataScopes.Reference, DataScopes.Programme], $"projects:{regionId}:{today:yyyy-MM-dd}",
            ct => OverviewAsync(db, regionId, today, ct), cancellationToken);

    public static async Task<Overview> OverviewAsync(AppDbContext db, int regionId, DateOnly today, CancellationToken cancellationToken) =>
        new(await ByStatusAsync(db, regionId, cancellationToken), await LinkedAsync(db, regionId, today, cancellationToken),
            await ResultsAsync(db, regionId, cancellationToken), (await QuietAsync(db, regionId, today, cancellationToken)).Count);

    public static async Task<StatusCounts> ByStatusAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        new(await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId)
            .GroupBy(p => p.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken));

    /// <summary>Every theme in order with its projects by status (a project counts under each of its themes).</summary>
    public static async Task<IReadOnlyList<ThemeRow>> ByThemeAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var counts = await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId)
            .SelectMany(p => p.Themes, (p, t) => new { t.ThemeId, p.Status })
            .GroupBy(x => new { x.ThemeId, x.Status }).Select(g => new { g.Key.ThemeId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var byTheme = counts.ToLookup(c => c.ThemeId);
        return themes.Select(t => new ThemeRow(t.Id, t.Name, new StatusCounts(byTheme[t.Id].ToDictionary(c => c.Status, c => c.Count)))).ToList();
    }

    /// <summary>The partnerships with any project, by name, with their projects by status.</summary>
    public static async Task<IReadOnlyList<PartnershipRow>> ByPartnershipAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var counts = await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId)
            .GroupBy(p => new { p.PartnershipId, p.Status }).Select(g => new { g.Key.PartnershipId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var names = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId)
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return counts.GroupBy(c => c.PartnershipId).Where(g => names.ContainsKey(g.Key))
            .Select(g => new PartnershipRow(g.Key, names[g.Key], new StatusCounts(g.ToDictionary(c => c.Status, c => c.Count))))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Places attended at the region's activities and the region's placements that have started, with those
    /// naming a supported project: the programme's "all activities link … with supported local improvement projects".
    /// </summary>
    public static async Task<SupportLinked> LinkedAsync(AppDbContext db, int regionId, DateOnly today, CancellationToken cancellationToken)
    {
        var places = await db.Bookings.AsNoTracking()
            .Where(b => b.Activity!.RegionId == regionId && b.Status == BookingStatus.Confirmed && b.Attendance == Attendance.Attended)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Linked = g.Count(b => b.ProjectId != null) })
            .FirstOrDefaultAsync(cancellationToken);
        var placements = await db.Placements.AsNoTracking().Where(p => p.RegionId == regionId && p.StartsOn <= today)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Linked = g.Count(p => p.ProjectId != null) })
            .FirstOrDefaultAsync(cancellationToken);
        return new SupportLinked(places?.Count ?? 0, places?.Linked ?? 0, placements?.Count ?? 0, placements?.Linked ?? 0);
    }

    /// <summary>Every measure of the region's closed projects, by project title then measure order.</summary>
    public static async Task<TargetResults> ResultsAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var rows = await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId && p.Status == ProjectStatus.Closed)
            .SelectMany(p => p.Measures, (p, m) => new
            {
                ProjectId = p.Id, p.Title, Partnership = db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(),
                m.Position, m.Name, m.Unit, m.BaselineValue, m.TargetValue, m.LatestValue, m.FinalValue,
            })
            .ToListAsync(cancellationToken);
        return new TargetResults(rows.OrderBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.ProjectId).ThenBy(r => r.Position)
            .Select(r => new MeasureResult(r.ProjectId, r.Title, r.Partnership, r.Name, r.Unit, r.BaselineValue, r.TargetValue, r.LatestValue, r.FinalValue))
            .ToList());
    }

    /// <summary>Active projects with no update for <see cref="ProjectFigures.QuietDays"/> days, the longest quiet first.</summary>
    public static async Task<IReadOnlyList<QuietProject>> QuietAsync(AppDbContext db, int regionId, DateOnly today, CancellationToken cancellationToken)
    {
        var active = await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId && p.Status == ProjectStatus.Active)
            .Select(p => new
            {
                p.Id, p.Title, Partnership = db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(),
                p.LastUpdateOn, p.DecidedAt, p.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        return active.Select(p => new QuietProject(p.Id, p.Title, p.Partnership, p.LastUpdateOn, DateOnly.FromDateTime(UkTime.ToUk(p.DecidedAt ?? p.CreatedAt))))
            .Where(p => ProjectFigures.IsQuiet(p.LastUpdateOn, p.AcceptedOn, today))
            .OrderBy(p => p.LastUpdateOn ?? p.AcceptedOn).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();
    }
}
