using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Board;

/// <summary>
/// The decision log: every decision of the region's programme board with its reasons, newest meeting first,
/// paged. Readable by every signed-in person of the region (the decisions are public to it); a person sees
/// only their own region's board.
/// </summary>
[Authorize(Policy = Policies.InARegion)]
public class DecisionsModel(AppDbContext db, CurrentUser me, ReferenceData reference) : PageModel
{
    public const int PageSize = 25;

    public Paged<BoardQueries.DecisionRow> Decisions { get; private set; } = default!;
    public IReadOnlyDictionary<int, string> Partnerships { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Board);
        var regionId = me.RequiredRegionId;
        Decisions = await PagingExtensions.FromCompiledAsync((skip, take) => BoardQueries.DecisionPage(db, regionId, skip, take), page, PageSize,
            () => BoardQueries.Decisions(db, regionId).LastPageInOneQueryAsync(PageSize, cancellationToken), cancellationToken);
        Partnerships = await reference.PartnershipNamesAsync(db, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Board/Decisions")!.WithPageNumber(page);
}
