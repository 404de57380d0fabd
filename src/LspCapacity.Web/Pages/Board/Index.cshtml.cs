using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Board;

/// <summary>The region's programme board meetings, upcoming and past, for everyone of the region (the board sees the place and agenda too).</summary>
[Authorize(Policy = Policies.InARegion)]
public class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int PastPageSize = 20;

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public Paged<Row> Past { get; private set; } = default!;
    public bool SitsOnBoard { get; private set; }
    public bool CanManage => me.IsCoordinator;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Board);
        var regionId = me.RequiredRegionId;
        SitsOnBoard = await BoardAccess.SitsOnBoardAsync(db, User, regionId);
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = db.BoardMeetings.AsNoTracking().Where(m => m.RegionId == regionId);
        Upcoming = await meetings.Where(m => m.StartsAt > now).OrderBy(m => m.StartsAt)
            .Select(m => new Row(m.Id, m.StartsAt, m.Place, m.Agenda.Count, m.Decisions.Count)).ToListAsync(cancellationToken);
        Past = await meetings.Where(m => m.StartsAt <= now).OrderByDescending(m => m.StartsAt)
            .Select(m => new Row(m.Id, m.StartsAt, m.Place, m.Agenda.Count, m.Decisions.Count))
            .ToPagedAsync(Math.Max(1, page), PastPageSize, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Board/Index")!.WithPageNumber(page);

    public sealed record Row(int Id, DateTime StartsAt, string Place, int AgendaItems, int Decisions);
}
