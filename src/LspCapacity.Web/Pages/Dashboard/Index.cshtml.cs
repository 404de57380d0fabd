using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>The region's programme at a glance: each figure links to the list behind it.</summary>
[Authorize(Policy = Policies.InARegionOrNational)]
public class IndexModel(AppDbContext db, CurrentProgramme current, TimeProvider clock, IOptions<Jobs.PlacementOptions> placementOptions,
    Brokerage.FairShareQueries fairShares, FiguresCache cache) : PageModel
{
    /// <summary>The region and programme this page reads (<see cref="CurrentProgramme"/>).</summary>
    public CurrentProgramme.Choice Choice { get; private set; } = default!;

    public DashboardQueries.Overview Overview { get; private set; } = default!;
    public ProjectQueries.Overview Projects { get; private set; } = default!;
    public CoDeliveryQueries.Collaboration Collaboration { get; private set; } = default!;
    public OwnershipQueries.Ownership Ownership { get; private set; } = default!;

    /// <summary>The partnerships far below their fair share of the programme's support (issue 20).</summary>
    public IReadOnlyList<Brokerage.FairSharePosition> FarBelowFairShare { get; private set; } = [];

    public BarChart FillChart => new("fill-rates", "Fill rate of the next activities",
        Overview.NextActivities.Select(a => new BarChart.Bar(a.Title, (a.FillRate ?? 0) * 100, Figures.Percent(a.FillRate))).ToList());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Dashboard);
        if (await current.ResolveAsync(cancellationToken) is not { } choice)
        {
            return Forbid();
        }
        Choice = choice;
        var regionId = choice.RegionId;
        Overview = await DashboardQueries.OverviewAsync(db, cache, regionId, clock.GetUtcNow().UtcDateTime, UkTime.Today(clock),
            placementOptions.Value.QuietDays, cancellationToken);
        Projects = await ProjectQueries.OverviewAsync(db, cache, regionId, UkTime.Today(clock), cancellationToken);
        FarBelowFairShare = (await fairShares.ForRegionAsync(regionId, UkTime.Today(clock), cancellationToken)).FarBelow;
        Collaboration = await CoDeliveryQueries.CollaborationAsync(db, cache, regionId, Overview.NationalPlaces, cancellationToken);
        Ownership = (await OwnershipQueries.OwnershipAsync(db, cache, regionId, cancellationToken)) with { CoDelivery = Collaboration };
        return Page();
    }
}
