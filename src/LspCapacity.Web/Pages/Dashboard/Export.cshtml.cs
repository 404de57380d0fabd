using System.Globalization;
using CsvHelper;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Activities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static LspCapacity.Web.Pages.Dashboard.DashboardQueries;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// Every dashboard table as CSV, whole (not just the page on screen), from the same queries as the
/// pages. Numbers are plain (invariant culture, no currency sign) so a spreadsheet reads them as numbers.
/// </summary>
[Authorize(Policy = Policies.InARegionOrNational)]
public class ExportModel(AppDbContext db, CurrentProgramme current, TimeProvider clock) : PageModel
{
    /// <summary>The region and programme this page reads (<see cref="CurrentProgramme"/>).</summary>
    public CurrentProgramme.Choice Choice { get; private set; } = default!;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<IActionResult> OnGetAsync(string table, CancellationToken cancellationToken)
    {
        if (await current.ResolveAsync(cancellationToken) is not { } choice)
        {
            return Forbid();
        }
        Choice = choice;
        var regionId = choice.RegionId;
        var now = clock.GetUtcNow().UtcDateTime;
        switch (table)
        {
            case "upcoming":
            {
                var rows = await Upcoming(db, regionId, now).ToListAsync(cancellationToken);
                return Csv(table, ["Activity", "Starts (UK time)", "Capacity", "Confirmed places", "Fill rate (%)"],
                    rows.Select(a => new[] { CsvCells.Safe(a.Title), Uk(a.StartsAt), N(a.Capacity), N(a.Confirmed), Pct(a.FillRate) }));
            }
            case "participation":
            {
                var result = await ParticipationAsync(db, regionId, cancellationToken);
                return Csv(table, ["Partnership", "Need level", "High-need themes", "Places booked", "Places attended", "Placements", "Placement hours",
                        "Case studies", "Peer reviews", "Engagements", "Low participation", "Flagged (high need, low participation)"],
                    Sort(result.Rows, ParticipationSort.Flagged, descending: true).Select(r => new[]
                    {
                        CsvCells.Safe(r.Name), Equity.NeedText(r.Need), N(r.HighNeedThemes), N(r.Booked), N(r.Attended), N(r.Placements),
                        r.PlacementHours.ToString("0.0", Invariant), N(r.CaseStudies), N(r.Reviews),
                        N(r.Engagements), r.LowParticipation is { } low ? YesNo(low) : "", YesNo(r.Flagged),
                    }));
            }
            case "value":
            {
                var rows = await ActivityValues(db, regionId).ToListAsync(cancellationToken);
                return Csv(table, ["Activity", "Kind", "Status", "Starts (UK time)", "Total cost (GBP)", "Places attended", "Cost per attended place (GBP)",
                        "Feedback given", "Average rating (1-5)"],
                    rows.Select(a => new[]
                    {
                        CsvCells.Safe(a.Title), ActivityText.Kind(a.Kind), a.Status.ToString(), Uk(a.StartsAt), Money(a.TotalCost), N(a.Attended),
                        Money(a.CostPerAttendedPlace), N(a.FeedbackCount), Rating(a.AverageRating),
                    }));
            }
            case "kinds":
            {
                var money = await MoneyAsync(db, regionId, UkTime.Today(clock), cancellationToken, choice.Programme?.Id);
                return Csv(table, ["Kind", "Activities", "Completed", "Committed (GBP)", "Spent (GBP)", "Places attended at completed activities",
                        "Cost per attended place (GBP)", "Average rating (1-5)"],
                    money.Kinds.Select(k => new[]
                    {
                        ActivityText.Kind(k.Kind), N(k.Activities), N(k.Completed), Money(k.Committed), Money(k.Spent), N(k.AttendedAtCompleted),
                        Money(k.CostPerAttendedPlace), Rating(k.AverageRating),
                    }));
            }
            case "programme":
            {
                var p = (await MoneyAsync(db, regionId, UkTime.Today(clock), cancellationToken, choice.Programme?.Id)).Programme;
                return Csv(table, ["Programme", "Budget (GBP)", "Committed (GBP)", "Spent (GBP)", "Remaining (GBP)", "Places attended at completed activities",
                        "Cost per attended place (GBP)", "Average rating (1-5)"],
                    [[CsvCells.Safe(p.ProgrammeName), Money(p.Budget), Money(p.TotalCommitted), Money(p.TotalSpent), Money(p.Remaining), N(p.AttendedAtCompleted),
                        Money(p.CostPerAttendedPlace), Rating(p.AverageRating)]]);
            }
            case "distance-themes":
            {
                var d = await DistanceAsync(db, regionId, cancellationToken);
                return Csv(table, ["Theme", "Partnerships compared", "Baseline mean", "Follow-up mean", "Change"],
                    d.ByTheme.Select(t => new[] { CsvCells.Safe(t.Theme), N(t.Partnerships), Rating(t.BaselineMean), Rating(t.FollowUpMean), Change(t.Change) }));
            }
            case "distance-partnerships":
            {
                var d = await DistanceAsync(db, regionId, cancellationToken);
                return Csv(table, ["Partnership", .. d.Themes.Select(t => CsvCells.Safe(t.Name) + " (change)"), "Mean change"],
                    d.ByPartnership.Select(p => new[] { CsvCells.Safe(p.Name) }
                        .Concat(p.Cells.Select(c => Change(c?.Travelled))).Append(Change(p.Change)).ToArray()));
            }
            case "projects":
            case "project-updates":
            case "project-measures":
                return await ProjectsCsvAsync(table, regionId, cancellationToken);
            default: // "coverage": the route allows nothing else
            {
                var c = await CoverageAsync(db, regionId, UkTime.Today(clock), cancellationToken);
                var activities = await AttendedActivitiesAsync(db, regionId, c.Needs.ToList(), perNeed: null, cancellationToken);
                return Csv(table, ["Partnership", "Theme", "Mean rating", "Activities attended", "Activity titles", "Placements", "Peer reviews",
                        "Improvement projects", "Covered"],
                    c.Needs.Select(n => new[]
                    {
                        CsvCells.Safe(n.Partnership), CsvCells.Safe(n.Theme), Rating(n.Mean), N(n.ActivitiesAttended),
                        CsvCells.Safe(string.Join("; ", activities[(n.PartnershipId, n.ThemeId)].Select(a => a.Title))),
                        N(n.Placements), N(n.Reviews), N(n.Projects), YesNo(n.Covered),
                    }));
            }
        }
    }

    /// <summary>The region's improvement projects, their progress updates, or their measures of success.</summary>
    private async Task<IActionResult> ProjectsCsvAsync(string table, int regionId, CancellationToken cancellationToken)
    {
        var projects = db.Projects.AsNoTracking().Where(p => p.RegionId == regionId);
        if (table == "project-updates")
        {
            var updates = await projects.SelectMany(p => p.Updates, (p, u) => new
            {
                p.Title, Partnership = db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(),
                u.Id, u.PostedOn, u.Rag, u.Narrative, Author = db.Users.Where(x => x.Id == u.AuthorId).Select(x => x.DisplayName).First(),
                Milestones = u.MilestonesDone, u.PostedAt,
            }).ToListAsync(cancellationToken);
            var readings = (await projects.SelectMany(p => p.Updates).SelectMany(u => u.Readings, (u, r) => new { UpdateId = u.Id, r.MeasureId, r.Value, r.On })
                .Join(db.ProjectMeasures, r => r.MeasureId, m => m.Id, (r, m) => new { r.UpdateId, m.Name, m.Unit, r.Value, r.On })
                .ToListAsync(cancellationToken)).ToLookup(r => r.UpdateId);
            return Csv(table, ["Project", "Partnership", "Posted on", "RAG status", "What has happened", "Posted by", "Milestones done", "Measures reported"],
                updates.OrderBy(u => u.Title, StringComparer.Ordinal).ThenBy(u => u.PostedAt).ThenBy(u => u.Id).Select(u => new[]
                {
                    CsvCells.Safe(u.Title), CsvCells.Safe(u.Partnership), Day(u.PostedOn), u.Rag.ToString(), CsvCells.Safe(u.Narrative), CsvCells.Safe(u.Author),
                    N(u.Milestones.Count),
                    CsvCells.Safe(string.Join("; ", readings[u.Id].Select(r => $"{r.Name}: {Value(r.Value)} {r.Unit} on {Day(r.On)}"))),
                }));
        }
        if (table == "project-measures")
        {
            var measures = await projects.SelectMany(p => p.Measures, (p, m) => new
            {
                p.Title, Partnership = db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(), p.Status,
                m.Position, m.Name, m.Unit, m.BaselineValue, m.BaselineOn, m.TargetValue, m.TargetOn, m.LatestValue, m.LatestOn, m.FinalValue,
            }).ToListAsync(cancellationToken);
            return Csv(table, ["Project", "Partnership", "Project status", "Measure", "Unit", "Baseline", "Baseline date", "Target", "Target date",
                    "Latest value", "Latest date", "Final value", "Target met", "Progress from baseline to target (%)"],
                measures.OrderBy(m => m.Title, StringComparer.Ordinal).ThenBy(m => m.Position).Select(m => new[]
                {
                    CsvCells.Safe(m.Title), CsvCells.Safe(m.Partnership), m.Status.ToString(), CsvCells.Safe(m.Name), CsvCells.Safe(m.Unit),
                    Value(m.BaselineValue), Day(m.BaselineOn), Value(m.TargetValue), Day(m.TargetOn), Value(m.LatestValue), Day(m.LatestOn),
                    Value(m.FinalValue), m.FinalValue is { } final ? YesNo(ProjectFigures.TargetMet(m.BaselineValue, m.TargetValue, final)) : "",
                    Pct(m.FinalValue is { } f ? ProjectFigures.Progress(m.BaselineValue, m.TargetValue, f) : null),
                }));
        }
        var rows = await projects.Select(p => new
        {
            p.Id, p.Title, Partnership = db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(), p.Status, p.LaaBlocks,
            Lead = db.Users.Where(x => x.Id == p.LeadId).Select(x => x.DisplayName).FirstOrDefault(), p.StartsOn, p.EndsOn, p.DecidedAt,
            p.LastUpdateOn, p.ClosedAt,
            Places = db.Bookings.Count(b => b.ProjectId == p.Id && b.Status == BookingStatus.Confirmed),
            Attended = db.Bookings.Count(b => b.ProjectId == p.Id && b.Attendance == Attendance.Attended),
            Placements = db.Placements.Count(x => x.ProjectId == p.Id),
            Reviews = db.PeerReviews.Count(x => x.ProjectId == p.Id),
            CaseStudies = db.CaseStudies.Count(x => x.ProjectId == p.Id),
        }).ToListAsync(cancellationToken);
        var themeNames = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var themes = (await projects.SelectMany(p => p.Themes, (p, t) => new { p.Id, t.ThemeId }).ToListAsync(cancellationToken))
            .ToLookup(x => x.Id, x => themeNames[x.ThemeId]);
        return Csv(table, ["Project", "Partnership", "Status", "Themes", "Local Area Agreement blocks", "Lead officer", "Starts", "Ends", "Decided",
                "Last update", "Closed", "Places confirmed for it", "Places attended for it", "Placements", "Peer reviews", "Case studies"],
            rows.OrderBy(p => p.Partnership, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => new[]
            {
                CsvCells.Safe(p.Title), CsvCells.Safe(p.Partnership), p.Status.ToString(), CsvCells.Safe(string.Join("; ", themes[p.Id])),
                string.Join("; ", ProjectText.Blocks(p.LaaBlocks)), CsvCells.Safe(p.Lead), Day(p.StartsOn), Day(p.EndsOn),
                p.DecidedAt is { } decided ? Uk(decided) : "", Day(p.LastUpdateOn), p.ClosedAt is { } closed ? Uk(closed) : "",
                N(p.Places), N(p.Attended), N(p.Placements), N(p.Reviews), N(p.CaseStudies),
            }));
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", Invariant) ?? "";
    private static string Value(decimal? value) => value?.ToString("0.####", Invariant) ?? "";

    private static string N(int value) => value.ToString(Invariant);
    private static string Money(decimal? value) => value?.ToString("0.00", Invariant) ?? "";
    private static string Rating(double? value) => value?.ToString("0.0", Invariant) ?? "";
    /// <summary>A change as a plain number ("1.5", "-0.5"): ours, not typed by anyone, so it needs no formula guard.</summary>
    private static string Change(double? value) => value?.ToString("0.0", Invariant) ?? "";
    private static string Pct(double? rate) => rate is { } r ? Math.Round(r * 100, MidpointRounding.AwayFromZero).ToString("0", Invariant) : "";
    private static string YesNo(bool value) => value ? "yes" : "no";
    private static string Uk(DateTime utc) => UkTime.ToUk(utc).ToString("yyyy-MM-dd HH:mm", Invariant);

    private CsvFileResult Csv(string name, string[] header, IEnumerable<string[]> rows)
    {
        using var writer = new StringWriter(Invariant);
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }
        return new CsvFileResult(writer.ToString(), $"dashboard-{name}.csv");
    }
}
