using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static LspCapacity.Web.Pages.Dashboard.DashboardQueries;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>Distance travelled between the baseline and the latest follow-up survey, per theme and per partnership (paged).</summary>
[Authorize(Policy = Policies.InARegionOrNational)]
public class DistanceModel(AppDbContext db, CurrentProgramme current) : PageModel
{
    /// <summary>The region and programme this page reads (<see cref="CurrentProgramme"/>).</summary>
    public CurrentProgramme.Choice Choice { get; private set; } = default!;

    public const int PageSize = 25;

    public DistanceResult Result { get; private set; } = default!;
    public Paged<PartnershipDistance> Partnerships { get; private set; } = default!;

    public BarChart ThemeChart => new("distance", "Mean change in capacity rating by theme since the baseline",
        Result.ByTheme.Select(t => new BarChart.Bar(t.Theme, t.Change, Figures.Signed(t.Change))).ToList());

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Dashboard);
        if (await current.ResolveAsync(cancellationToken) is not { } choice)
        {
            return Forbid();
        }
        Choice = choice;
        var regionId = choice.RegionId;
        Result = await DistanceAsync(db, regionId, cancellationToken);
        Partnerships = ParticipationModel.Page(Result.ByPartnership, page, PageSize);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Dashboard/Distance")!.WithPageNumber(page);
}
