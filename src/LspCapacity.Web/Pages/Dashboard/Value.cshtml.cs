using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Activities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static LspCapacity.Web.Pages.Dashboard.DashboardQueries;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>Value for money: per activity (paged), per kind and for the programme: budget, committed, spent.</summary>
[Authorize(Policy = Policies.InARegionOrNational)]
public class ValueModel(AppDbContext db, CurrentProgramme current, TimeProvider clock) : PageModel
{
    /// <summary>The region and programme this page reads (<see cref="CurrentProgramme"/>).</summary>
    public CurrentProgramme.Choice Choice { get; private set; } = default!;

    public const int PageSize = 25;

    public Paged<ActivityValue> Activities { get; private set; } = default!;
    public MoneyResult Money { get; private set; } = default!;

    public BarChart BudgetChart => new("budget", "Programme budget, committed, spent and remaining (pounds)",
    [
        new("Budget", (double)Money.Programme.Budget, Figures.Money(Money.Programme.Budget)),
        new("Committed", (double)Money.Programme.TotalCommitted, Figures.Money(Money.Programme.TotalCommitted)),
        new("Spent", (double)Money.Programme.TotalSpent, Figures.Money(Money.Programme.TotalSpent)),
        new("Remaining", (double)Money.Programme.Remaining, Figures.Money(Money.Programme.Remaining)),
    ]);

    public BarChart KindChart => new("cost-per-place", "Cost per attended place by kind of activity (pounds)",
        Money.Kinds.Select(k => new BarChart.Bar(ActivityText.Kind(k.Kind), (double)(k.CostPerAttendedPlace ?? 0), Figures.Money(k.CostPerAttendedPlace))).ToList());

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Dashboard);
        if (await current.ResolveAsync(cancellationToken) is not { } choice)
        {
            return Forbid();
        }
        Choice = choice;
        var regionId = choice.RegionId;
        Money = await MoneyAsync(db, regionId, UkTime.Today(clock), cancellationToken, choice.Programme?.Id);
        Activities = await ActivityValues(db, regionId).ToPagedAsync(Math.Max(1, page), PageSize, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Dashboard/Value")!.WithPageNumber(page);
}
