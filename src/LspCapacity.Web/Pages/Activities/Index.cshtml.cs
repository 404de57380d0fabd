using System.Globalization;
using System.Linq.Expressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>The catalogue: the region's upcoming published activities, filtered and paged. Coordinators also see drafts.</summary>
[Authorize(Policy = Policies.InARegion)]
public class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock, ReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)] public ActivityKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }

    /// <summary>yyyy-MM</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public bool PlacesLeft { get; set; }
    [BindProperty(SupportsGet = true)] public bool Drafts { get; set; }
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }
    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Activities { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Months { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData.SetSection(SiteSection.Activities);
        var regionId = me.RequiredRegionId;
        var now = clock.GetUtcNow().UtcDateTime;
        var themes = await reference.ThemesAsync(db, cancellationToken); // from memory while the version stands
        Themes = themes.Select(t => new SelectListItem(t.Name, t.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        var themeNames = await reference.ThemeNamesAsync(db, cancellationToken);
        var thisMonth = UkTime.ToUk(now);
        Months = Enumerable.Range(0, 12).Select(i => new DateTime(thisMonth.Year, thisMonth.Month, 1).AddMonths(i))
            .Select(m => new SelectListItem(m.ToString("MMMM yyyy", UkTime.Culture), m.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .ToList();

        // The last month a DateTime holds has no month after it to end the range.
        DateTime? month = DateTime.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) && chosen.Year < 9999
            ? chosen : null;
        if (!string.IsNullOrEmpty(Month) && month is null)
        {
            ModelState.AddModelError("month", "Select a month from the list");
        }
        var personId = me.Id;
        // The region's own activities, and every other region's published national showcases: two index
        // searches joined (UNION ALL), not one OR, which SQLite answered by reading every activity of a status.
        // Sorted as one compound, so SQLite merges the two index walks in date order and stops at the page's
        // last row (an "Id IN (…)" of the two read every row of both and sorted them for each page).
        IQueryable<Found> Composed()
        {
            var home = Filtered(db.Activities.AsNoTracking().Where(a => a.RegionId == regionId), now, month);
            var showcases = Filtered(db.Activities.AsNoTracking().Where(a => a.IsNational && a.RegionId != regionId && a.Status != ActivityStatus.Draft), now, month);
            var visible = home.Concat(showcases);
            return Inline.Bind(RowsOf, db, Past ? visible.OrderByDescending(a => a.StartsAt) : visible.OrderBy(a => a.StartsAt), personId);
        }
        Paged<Found> found;
        if (IsDefaultView)
        {
            // The same query with no filter, compiled (see DefaultView); a page past the last is read backwards as above.
            found = await PagingExtensions.FromCompiledAsync((skip, take) => DefaultView.For(db)(db, regionId, now, personId, skip, take),
                PageNumber, PageSize, () => Composed().LastPageInOneQueryAsync(PageSize, cancellationToken), cancellationToken);
        }
        else
        {
            found = await Composed().ToPagedInOneQueryAsync(PageNumber, PageSize, cancellationToken);
        }
        // The theme names come from the themes held in memory.
        Activities = new Paged<Row>(found.Items.Select(a => new Row(a.Id, a.Title, a.Kind, a.Status, a.StartsAt, a.EndsAt, a.Where,
                a.PlacesLeft, a.Mode, JoinedIds.Parse(a.ThemeIds).Order().Select(id => themeNames[id]).ToList(), a.Mine, a.IsNational)).ToList(),
            found.PageNumber, found.PageSize, found.TotalCount);
        return Page();
    }

    private const int PageSize = 20;

    /// <summary>No filter chosen: the view nearly every visit asks for.</summary>
    private bool IsDefaultView => Kind is null && Theme is null && string.IsNullOrEmpty(Month) && !PlacesLeft && !Drafts && !Past;

    /// <summary>
    /// The rows of activities already sorted, for the compiled default view and the composed filtered ones alike. The viewer's
    /// own live booking (so a full activity they have a place on says so) and the activity's theme ids, joined in one column,
    /// come as scalar subqueries: a collection cannot follow the compound's sort, a scalar can.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<Activity>, string?, IQueryable<Found>>> RowsOf = (db, activities, personId) => activities
        .Select(a => new Found(a.Id, a.Title, a.Kind, a.Status, a.StartsAt, a.EndsAt,
            a.Venue ?? db.Partnerships.Where(p => p.Id == a.HostPartnershipId).Select(p => p.Name + " LSP").FirstOrDefault(),
            a.Capacity - a.ConfirmedCount, a.Mode, a.IsNational,
            db.Bookings.Where(b => b.ActivityId == a.Id && b.PersonId == personId
                    && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested))
                .Select(b => (BookingStatus?)b.Status).FirstOrDefault(),
            JoinedIds.ActivityThemes.Apply(db, a.Id)));

    /// <summary>
    /// The composed query of <see cref="OnGetAsync"/> with no filter (the same SQL: the region's upcoming published activities
    /// and the other regions' national showcases merged in date order, the page with its total, the viewer's live
    /// booking and each row's themes), compiled once. Composing and translating the expression on each request cost EF more CPU than SQLite's
    /// work (measured on the activity page, compiled the same way: half the CPU per request).
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, DateTime, string?, int, int, IAsyncEnumerable<Counted<Found>>>> DefaultView = new(() => EF.CompileAsyncQuery(
        Inline.Expand<Func<AppDbContext, int, DateTime, string?, int, int, IQueryable<Counted<Found>>>>((db, regionId, now, personId, skip, take) =>
            RowsOf.Apply(db, db.Activities.AsNoTracking()
                    .Where(a => a.RegionId == regionId && a.Status == ActivityStatus.Published && a.EndsAt >= now)
                    .Concat(db.Activities.Where(a => a.IsNational && a.RegionId != regionId && a.Status == ActivityStatus.Published && a.EndsAt >= now))
                    .OrderBy(a => a.StartsAt), personId)
                .Skip(skip).Take(take)
                .Select(row => new Counted<Found>
                {
                    Row = row,
                    Total = db.Activities.Where(x => x.RegionId == regionId && x.Status == ActivityStatus.Published && x.EndsAt >= now)
                        .Concat(db.Activities.Where(x => x.IsNational && x.RegionId != regionId && x.Status == ActivityStatus.Published && x.EndsAt >= now))
                        .Count(),
                }))));

    /// <summary>A row of the page as read, before its theme ids are turned into names.</summary>
    private sealed record Found(int Id, string Title, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt, DateTime EndsAt,
        string? Where, int PlacesLeft, BookingMode Mode, bool IsNational, BookingStatus? Mine, string? ThemeIds);

    /// <summary>The filters chosen, applied to one source of activities.</summary>
    private IQueryable<Activity> Filtered(IQueryable<Activity> query, DateTime now, DateTime? month)
    {
        query = Drafts && me.IsCoordinator
            ? query.Where(a => a.Status == ActivityStatus.Draft)
            : query.Where(a => a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed || a.Status == ActivityStatus.Cancelled);
        query = Past ? query.Where(a => a.StartsAt < now) : query.Where(a => a.EndsAt >= now);
        if (!Drafts && !Past)
        {
            query = query.Where(a => a.Status == ActivityStatus.Published);
        }
        if (Kind is not null)
        {
            query = query.Where(a => a.Kind == Kind);
        }
        if (Theme is { } themeId)
        {
            query = query.Where(a => a.Themes.Any(t => t.ThemeId == themeId));
        }
        if (month is { } chosen)
        {
            var from = UkTime.ToUtc(chosen);
            var to = UkTime.ToUtc(chosen.AddMonths(1));
            query = query.Where(a => a.StartsAt >= from && a.StartsAt < to);
        }
        if (PlacesLeft)
        {
            query = query.Where(a => a.ConfirmedCount < a.Capacity);
        }
        return query;
    }

    private string? _pageUrl;

    /// <summary>The address of another page of the same list (the filters routed once, not for each link of the pager).</summary>
    public string PageUrl(int page) =>
        (_pageUrl ??= Url.Page("/Activities/Index", new
        {
            kind = Kind, theme = Theme, month = string.IsNullOrEmpty(Month) ? null : Month,
            placesleft = PlacesLeft ? "true" : null, drafts = Drafts ? "true" : null, past = Past ? "true" : null,
        })!).WithPageNumber(page);

    public sealed record Row(int Id, string Title, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt, DateTime EndsAt,
        string? Where, int PlacesLeft, BookingMode Mode, List<string> Themes, BookingStatus? MyStatus, bool IsNational = false);
}
