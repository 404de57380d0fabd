using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Placements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Mentors;

/// <summary>The region's mentors, coaches and hosts: what they know, what they offer and, for coordinators, their load.</summary>
[Authorize(Policy = Policies.InARegion)]
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<Row> Mentors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Placements);
        var regionId = me.RequiredRegionId;
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var rows = await db.MentorProfiles.AsNoTracking().Where(m => m.RegionId == regionId)
            .Join(db.Users.Where(u => u.IsActive), m => m.PersonId, u => u.Id, (m, u) => new
            {
                u.DisplayName, m.Organisation, m.Biography, m.Kinds, m.ThemeIds, m.Capacity, m.IsAvailable,
                Active = db.Placements.Count(p => p.MentorId == u.Id && p.Status == PlacementStatus.Active),
            })
            .OrderBy(x => x.DisplayName).ToListAsync(cancellationToken);
        Mentors = rows.Select(x => new Row(x.DisplayName, x.Organisation, x.Biography, x.Kinds.Select(PlacementText.Kind).ToList(),
            x.ThemeIds.Select(t => themes.GetValueOrDefault(t, "?")).ToList(), x.Capacity, x.Active, x.IsAvailable)).ToList();
        return Page();
    }

    public sealed record Row(string Name, string? Organisation, string? Biography, IReadOnlyList<string> Kinds, IReadOnlyList<string> Themes,
        int Capacity, int Active, bool IsAvailable);
}
