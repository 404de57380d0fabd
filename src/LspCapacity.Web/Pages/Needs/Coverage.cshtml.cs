using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static LspCapacity.Web.Pages.Dashboard.DashboardQueries;

namespace LspCapacity.Web.Pages.Needs;

/// <summary>
/// Needs coverage: every high need (partnership × theme) with what addresses it — activities its
/// staff attended, placements, peer reviews — uncovered needs first, paged, filtered by theme.
/// </summary>
[Authorize(Policy = Policies.InARegionOrNational)]
public class CoverageModel(AppDbContext db, CurrentProgramme current, FiguresCache cache, ReferenceData reference, TimeProvider clock) : PageModel
{
    /// <summary>The region and programme this page reads (<see cref="CurrentProgramme"/>).</summary>
    public CurrentProgramme.Choice Choice { get; private set; } = default!;

    public const int PageSize = 25;

    /// <summary>The latest activities named for each need; the rest are counted ("and 28 more").</summary>
    public const int ActivitiesShown = 3;

    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Partnership { get; set; }
    [BindProperty(SupportsGet = true)] public bool Uncovered { get; set; }

    public CoverageResult Result { get; private set; } = default!;
    public Paged<NeedCoverage> Needs { get; private set; } = default!;
    public ILookup<(int PartnershipId, int ThemeId), AttendedActivity> Activities { get; private set; } = default!;
    public ILookup<(int PartnershipId, int ThemeId), AddressingReview> Reviews { get; private set; } = default!;
    public ILookup<(int PartnershipId, int ThemeId), AddressingProject> Projects { get; private set; } = default!;
    /// <summary>High needs and those covered, by theme: worked out only when the part showing them is rendered (once for each working-out).</summary>
    public IReadOnlyList<(string Theme, int High, int Covered)> ByTheme => _byTheme ??= Result.Needs.GroupBy(n => (n.ThemePosition, n.Theme))
        .OrderBy(g => g.Key.ThemePosition).Select(g => (g.Key.Theme, g.Count(), g.Count(n => n.Covered))).ToList();

    private IReadOnlyList<(string Theme, int High, int Covered)>? _byTheme;

    /// <summary>The region's active partnerships, for the filter (a heatmap cell links here with one of them and a theme).</summary>
    public IReadOnlyList<(int Id, string Name)> Partnerships { get; private set; } = [];

    public BarChart ThemeChart => new("coverage", "Share of high needs covered, by theme (per cent)",
        ByTheme.Select(t => new BarChart.Bar(t.Theme, (Figures.Rate(t.Covered, t.High) ?? 0) * 100,
            $"{Figures.Percent(Figures.Rate(t.Covered, t.High))} ({t.Covered} of {t.High})")).ToList());

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Dashboard);
        if (await current.ResolveAsync(cancellationToken) is not { } choice)
        {
            return Forbid();
        }
        Choice = choice;
        var regionId = choice.RegionId;
        // Worked out once per change to the needs figures: every need of the region with the latest
        // activities and the reviews behind it, so paging and filtering only slice what is kept.
        // Keyed by the day too: a planned placement starts covering its needs on its start date, which no saved change marks.
        var today = UkTime.Today(clock);
        var figures = await cache.GetOrAddAsync(db, DataScopes.Needs, $"coverage:{regionId}:{today:yyyy-MM-dd}",
            ct => WorkOutAsync(regionId, today, ct), cancellationToken);
        Result = figures.Result;
        Activities = figures.Activities;
        Reviews = figures.Reviews;
        Projects = figures.Projects;
        if (Theme is { } themeId && Result.Themes.All(t => t.Id != themeId))
        {
            Theme = null; // an unknown theme shows every theme rather than nothing
        }
        Partnerships = (await reference.PartnershipsAsync(db, regionId, cancellationToken)).Where(p => p.IsActive).Select(p => (p.Id, p.Name)).ToList();
        if (Partnership is { } partnershipId && Partnerships.All(p => p.Id != partnershipId))
        {
            Partnership = null; // likewise an unknown partnership
        }
        var shown = Result.Needs.Where(n => (Theme is null || n.ThemeId == Theme) && (Partnership is null || n.PartnershipId == Partnership)
            && (!Uncovered || !n.Covered)).ToList();
        Needs = ParticipationModel.Page(shown, page, PageSize);
        return Page();
    }

    private async Task<Kept> WorkOutAsync(int regionId, DateOnly today, CancellationToken cancellationToken)
    {
        var result = await CoverageAsync(db, regionId, today, cancellationToken);
        var attended = result.Needs.Where(n => n.ActivitiesAttended > 0).ToList();
        var reviewed = result.Needs.Where(n => n.Reviews > 0).ToList();
        var projected = result.Needs.Where(n => n.Projects > 0).ToList();
        return new Kept(result,
            await AttendedActivitiesAsync(db, regionId, attended, ActivitiesShown, cancellationToken),
            await AddressingReviewsAsync(db, regionId, reviewed, cancellationToken),
            await AddressingProjectsAsync(db, regionId, projected, cancellationToken));
    }

    private sealed record Kept(CoverageResult Result, ILookup<(int PartnershipId, int ThemeId), AttendedActivity> Activities,
        ILookup<(int PartnershipId, int ThemeId), AddressingReview> Reviews, ILookup<(int PartnershipId, int ThemeId), AddressingProject> Projects);

    public string PageUrl(int page) =>
        Url.Page("/Needs/Coverage", new { partnership = Partnership, theme = Theme, uncovered = Uncovered ? "true" : null })!.WithPageNumber(page);
}
