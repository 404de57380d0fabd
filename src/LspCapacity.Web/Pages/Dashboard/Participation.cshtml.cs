using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static LspCapacity.Web.Pages.Dashboard.DashboardQueries;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// Participation and equity: every partnership's places, placements, case studies and reviews beside
/// its need, flagged when a high need meets low participation. Sorted by any column through links,
/// paged; an unknown sort or direction falls back to the default rather than failing.
/// </summary>
[Authorize(Policy = Policies.InARegionOrNational)]
public class ParticipationModel(AppDbContext db, CurrentProgramme current) : PageModel
{
    /// <summary>The region and programme this page reads (<see cref="CurrentProgramme"/>).</summary>
    public CurrentProgramme.Choice Choice { get; private set; } = default!;

    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }
    [BindProperty(SupportsGet = true)] public bool Flagged { get; set; }

    public ParticipationSort SortBy { get; private set; }
    public bool Descending { get; private set; }
    public ParticipationResult Result { get; private set; } = default!;
    public Paged<DashboardQueries.Participation> Rows { get; private set; } = default!;
    public int FlaggedCount { get; private set; }

    /// <summary>Activities each partnership co-delivered, hosted or presented at (<see cref="CoDeliveryQueries"/>).</summary>
    public IReadOnlyDictionary<int, int> CoDelivered { get; private set; } = new Dictionary<int, int>();

    /// <summary>Mean engagements per partnership at each need level: the equity chart.</summary>
    public IReadOnlyList<(string Level, int Partnerships, double MeanEngagements, int Flagged)> ByNeed { get; private set; } = [];

    public BarChart EquityChart => new("equity", "Mean engagements per partnership by need level",
        ByNeed.Select(n => new BarChart.Bar(n.Level, n.MeanEngagements, Figures.OneDecimal(n.MeanEngagements))).ToList());

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Dashboard);
        if (await current.ResolveAsync(cancellationToken) is not { } choice)
        {
            return Forbid();
        }
        Choice = choice;
        var regionId = choice.RegionId;
        SortBy = ParseSort(Sort);
        // Flagged first and numbers read best largest first; names A to Z.
        Descending = Dir?.ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => SortBy != ParticipationSort.Name,
        };
        Result = await ParticipationAsync(db, regionId, cancellationToken);
        CoDelivered = await CoDeliveryQueries.CoDeliveredPerPartnershipAsync(db, regionId, cancellationToken);
        FlaggedCount = Result.Rows.Count(r => r.Flagged);
        ByNeed = new (NeedLevel? Level, string Name)[] { (NeedLevel.High, "High need"), (NeedLevel.Medium, "Medium need"), (NeedLevel.Low, "Low need"), (null, "No answer") }
            .Select(l =>
            {
                var rows = Result.Rows.Where(r => r.Need == l.Level).ToList();
                return (l.Name, rows.Count, rows.Count == 0 ? 0 : rows.Average(r => r.Engagements), rows.Count(r => r.Flagged));
            })
            .ToList();
        var shown = Flagged ? Result.Rows.Where(r => r.Flagged) : Result.Rows;
        Rows = Page(DashboardQueries.Sort(shown, SortBy, Descending), page, PageSize);
        return Page();
    }

    public static Paged<T> Page<T>(IReadOnlyList<T> all, int page, int size)
    {
        var pages = Math.Max(1, (int)Math.Ceiling(all.Count / (double)size));
        page = Math.Clamp(page, 1, pages);
        return new Paged<T>(all.Skip((page - 1) * size).Take(size).ToList(), page, size, all.Count);
    }

    public string LinkTo(ParticipationSort sort, bool descending, int page = 1, bool? flagged = null)
    {
        return Url.Page("/Dashboard/Participation", new
        {
            sort = sort.ToString().ToLowerInvariant(), dir = descending ? "desc" : "asc", flagged = flagged ?? Flagged ? "true" : null,
        })!.WithPageNumber(page);
    }

    /// <summary>A column heading's link: the other direction when it is the current sort, else that column's natural direction.</summary>
    public string SortUrl(ParticipationSort sort) =>
        LinkTo(sort, sort == SortBy ? !Descending : sort != ParticipationSort.Name);

    public string? AriaSort(ParticipationSort sort) => sort == SortBy ? (Descending ? "descending" : "ascending") : null;

    public string PageUrl(int page) => LinkTo(SortBy, Descending, page);
}
