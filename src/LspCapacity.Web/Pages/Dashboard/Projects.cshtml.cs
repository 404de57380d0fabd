using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static LspCapacity.Web.Pages.Dashboard.ProjectQueries;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// Improvement projects across the region: by status, theme and partnership; how much of the support given
/// is linked to a supported project; results against targets; projects gone quiet.
/// </summary>
public class ProjectsModel(AppDbContext db, CurrentProgramme current, TimeProvider clock) : PageModel
{
    /// <summary>The region and programme this page reads (<see cref="CurrentProgramme"/>).</summary>
    public CurrentProgramme.Choice? Choice { get; private set; }

    public StatusCounts ByStatus { get; private set; } = default!;
    public IReadOnlyList<ThemeRow> ByTheme { get; private set; } = [];
    public IReadOnlyList<PartnershipRow> ByPartnership { get; private set; } = [];
    public SupportLinked Linked { get; private set; } = default!;
    public TargetResults Results { get; private set; } = default!;
    public IReadOnlyList<QuietProject> Quiet { get; private set; } = [];
    public IReadOnlyList<ActiveProject> Active { get; private set; } = [];

    public BarChart ThemeChart => new("projects-by-theme", "Projects by theme (proposed, active and closed)",
        ByTheme.Select(t =>
        {
            var count = t.Projects[ProjectStatus.Proposed] + t.Projects[ProjectStatus.Active] + t.Projects[ProjectStatus.Closed];
            return new BarChart.Bar(t.Theme, count, count.ToString(UkTime.Culture));
        }).ToList());

    public BarChart LinkedChart => new("support-linked", "Share of support linked to a supported project (per cent)",
    [
        new("Places attended", (Linked.AttendedShare ?? 0) * 100, $"{Figures.Percent(Linked.AttendedShare)} ({Linked.AttendedLinked} of {Linked.Attended})"),
        new("Placements", (Linked.PlacementShare ?? 0) * 100, $"{Figures.Percent(Linked.PlacementShare)} ({Linked.PlacementsLinked} of {Linked.Placements})"),
    ]);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Dashboard);
        Choice = await current.ResolveAsync(cancellationToken);
        if (Choice?.RegionId is not { } regionId)
        {
            return Forbid();
        }
        var today = UkTime.Today(clock);
        ByStatus = await ByStatusAsync(db, regionId, cancellationToken);
        ByTheme = await ByThemeAsync(db, regionId, cancellationToken);
        ByPartnership = await ByPartnershipAsync(db, regionId, cancellationToken);
        Linked = await LinkedAsync(db, regionId, today, cancellationToken);
        Results = await ResultsAsync(db, regionId, cancellationToken);
        Quiet = await QuietAsync(db, regionId, today, cancellationToken);
        Active = await ActiveAsync(db, regionId, cancellationToken);
        return Page();
    }
}
