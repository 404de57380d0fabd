using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static LspCapacity.Web.Pages.Dashboard.DashboardQueries;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// The end-of-programme report: one printable page setting the results against the programme's
/// expected results (a needs analysis of every LSP, a programme delivered collaboratively, outcomes).
/// </summary>
[Authorize(Policy = Policies.InARegionOrNational)]
public class ReportModel(AppDbContext db, CurrentProgramme current, TimeProvider clock, FiguresCache cache) : PageModel
{
    /// <summary>The region and programme this page reads (<see cref="CurrentProgramme"/>).</summary>
    public CurrentProgramme.Choice Choice { get; private set; } = default!;

    public string RegionName { get; private set; } = "";
    public DateTime GeneratedAt { get; private set; }
    public NeedsAnalysisDone NeedsAnalysis { get; private set; } = default!;
    public Collaboration Collaboration { get; private set; } = default!;
    public OwnershipQueries.Ownership Ownership { get; private set; } = default!;
    public ParticipationResult Participation { get; private set; } = default!;
    public MoneyResult Money { get; private set; } = default!;
    public CoverageResult Coverage { get; private set; } = default!;
    public DistanceResult Distance { get; private set; } = default!;
    public PlacementOutcomes Outcomes { get; private set; } = default!;
    public IReadOnlyList<(ReviewStage Stage, int Count)> Reviews { get; private set; } = [];
    public IReadOnlyList<string> Objectives { get; private set; } = [];

    /// <summary>Practical results: the region's improvement projects, the support linked to them and what changed.</summary>
    public ProjectQueries.StatusCounts Projects { get; private set; } = default!;
    public ProjectQueries.SupportLinked Linked { get; private set; } = default!;
    public ProjectQueries.TargetResults Results { get; private set; } = default!;
    public IReadOnlyList<ProjectQueries.ClosedProject> Closed { get; private set; } = [];

    public BarChart DistanceChart => new("report-distance", "Mean change in capacity rating by theme since the baseline",
        Distance.ByTheme.Select(t => new BarChart.Bar(t.Theme, t.Change, Figures.Signed(t.Change))).ToList());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Dashboard);
        if (await current.ResolveAsync(cancellationToken) is not { } choice)
        {
            return Forbid();
        }
        Choice = choice;
        var regionId = choice.RegionId;
        GeneratedAt = clock.GetUtcNow().UtcDateTime;
        RegionName = choice.RegionName;
        NeedsAnalysis = await NeedsAnalysisDoneAsync(db, regionId, cancellationToken);
        Participation = await ParticipationAsync(db, regionId, cancellationToken);
        Collaboration = await CollaborationAsync(db, regionId, Participation.Rows, cancellationToken);
        Ownership = (await OwnershipQueries.OwnershipAsync(db, cache, regionId, cancellationToken))
            with { CoDelivery = await CoDeliveryQueries.CollaborationAsync(db, cache, regionId, cancellationToken) };
        Money = await MoneyAsync(db, regionId, UkTime.Today(clock), cancellationToken, choice.Programme?.Id);
        Coverage = await CoverageAsync(db, regionId, UkTime.Today(clock), cancellationToken);
        Distance = await DistanceAsync(db, regionId, cancellationToken);
        Outcomes = await PlacementOutcomesAsync(db, regionId, cancellationToken);
        Reviews = await DashboardQueries.Reviews.ByStageAsync(db, regionId, cancellationToken);
        Projects = await ProjectQueries.ByStatusAsync(db, regionId, cancellationToken);
        Linked = await ProjectQueries.LinkedAsync(db, regionId, UkTime.Today(clock), cancellationToken);
        Results = await ProjectQueries.ResultsAsync(db, regionId, cancellationToken);
        Closed = await ProjectQueries.ClosedAsync(db, regionId, cancellationToken);
        if (Money.Programme.ProgrammeId is { } programmeId)
        {
            Objectives = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).SelectMany(p => p.Objectives)
                .OrderBy(o => o.Position).Select(o => o.Text).ToListAsync(cancellationToken);
        }
        return Page();
    }
}
