using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>Programme years: the programmes of the regions the person runs (every region for admins), newest first.</summary>
public class ProgrammesModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, string Region, DateOnly StartsOn, DateOnly EndsOn, decimal Budget, bool IsClosed, bool IsRunning);

    public IReadOnlyList<Row> Programmes { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Admin);
        var today = UkTime.Today(clock);
        Programmes = await RegionRule.Visible(db.Programmes.AsNoTracking(), User, p => p.RegionId)
            .OrderBy(p => p.Region!.Name).ThenByDescending(p => p.StartsOn)
            .Select(p => new Row(p.Id, p.Name, p.Region!.Name, p.StartsOn, p.EndsOn, p.Budget, p.ClosedAt != null,
                p.StartsOn <= today && p.EndsOn >= today))
            .ToListAsync(cancellationToken);
        CanCreate = me.RegionId is not null || me.IsAdmin;
        return Page();
    }
}
