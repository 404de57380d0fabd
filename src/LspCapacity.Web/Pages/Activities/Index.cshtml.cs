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
public class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock, ReferenceData reference, FiguresCache figures) : PageModel
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
        Drafts &= me.IsCoordinator; // drafts are a coordinator's view: anyone else asking sees the upcoming list, titled as such
        // Every filter is a parameter of the compiled query (see Compile), null when not chosen.
        bool? drafts = Drafts ? true : null;
        bool? past = Past ? true : null;
        bool? placesLeft = PlacesLeft ? true : null;
        DateTime? from = month is { } first ? UkTime.ToUtc(first) : null;
        DateTime? to = month is { } start ? UkTime.ToUtc(start.AddMonths(1)) : null;
        var personId = me.Id;
        Paged<Found> found;
        if (placesLeft is null && month is null && ModelState.IsValid && (Theme is null || themeNames.ContainsKey(Theme.Value)))
        {
            // A view the same for everyone in the region: its order kept (see Listing), its page's rows read by their ids.
            var listing = await figures.GetOrAddAsync(db, [DataScopes.Programme], $"catalogue:{regionId}:{drafts}:{past}:{Kind}:{Theme}",
                async ct =>
                {
                    var ids = await (Past ? ListNewestFirst : ListOldestFirst).For(db)(db, regionId, now, drafts, past, Kind, Theme).ToArrayAsync(ct);
                    return new Listing(ids, now, await NextChange.For(db)(db, regionId, now) ?? DateTime.MaxValue);
                },
                kept => kept.From <= now && now < kept.Until, cancellationToken);
            var ids = Dashboard.ParticipationModel.Page(listing.Ids, PageNumber, PageSize); // a page past the last shows the last
            var rows = ids.Items.Count == 0 ? []
                : (await RowsById.For(db)(db, ids.Items.ToArray(), personId).ToListAsync(cancellationToken)).ToDictionary(row => row.Id);
            found = new Paged<Found>(ids.Items.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), ids.PageNumber, PageSize, ids.TotalCount);
        }
        else
        {
            Func<int, int, IAsyncEnumerable<Counted<Found>>> Read(PerEngine<CatalogueQuery> query) => (skip, take) =>
                query.For(db)(db, regionId, now, personId, drafts, past, Kind, Theme, from, to, placesLeft, skip, take);
            // Past activities come latest first. A page past the last is read as the list the other way round.
            found = Past
                ? await PagingExtensions.FromCompiledAsync(Read(NewestFirst), PageNumber, PageSize, Read(OldestFirst), cancellationToken)
                : await PagingExtensions.FromCompiledAsync(Read(OldestFirst), PageNumber, PageSize, Read(NewestFirst), cancellationToken);
        }
        // The theme names come from the themes held in memory.
        Activities = new Paged<Row>(found.Items.Select(a => new Row(a.Id, a.Title, a.Kind, a.Status, a.StartsAt, a.EndsAt, a.Where,
                a.PlacesLeft, a.Mode, JoinedIds.Parse(a.ThemeIds).Order().Select(id => themeNames[id]).ToList(), a.Mine, a.IsNational)).ToList(),
            found.PageNumber, found.PageSize, found.TotalCount);
        return Page();
    }

    private const int PageSize = 20;

    /// <summary>
    /// The catalogue's query for a view read each time (a month or places left chosen; the others are kept, see
    /// <see cref="Listing"/>), compiled once for each order: a query composed from the filters was funcletized, hashed and looked
    /// up by EF on every run (measured on a theme's past activities, past the last page: 800 requests a second composed, 1,000
    /// compiled). Each filter not chosen is a null parameter, and EF leaves its condition out of the SQL (it keeps one SQL for
    /// each pattern of nulls), so each view's SQL is what the composed query's was.
    /// The page is chosen from the activities' ids and dates alone, then joined back to its activities for the row's columns:
    /// SQLite sorts the past (three statuses) rather than reading it in index order, and with the row's subqueries in the same
    /// select it worked them out for every activity it sorted, not for the page's twenty (a theme's past, past the last
    /// page: 1,230 requests a second before, 1,860 after).
    /// </summary>
    private delegate IAsyncEnumerable<Counted<Found>> CatalogueQuery(AppDbContext db, int regionId, DateTime now, string? personId,
        bool? drafts, bool? past, ActivityKind? kind, int? themeId, DateTime? from, DateTime? to, bool? placesLeft, int skip, int take);

    /// <summary>The list's two orders: by start, then by id (so activities starting together keep their places between pages).</summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<Activity>, IQueryable<Activity>>> Oldest =
        (db, activities) => activities.OrderBy(a => a.StartsAt).ThenBy(a => a.Id);
    private static readonly Expression<Func<AppDbContext, IQueryable<Activity>, IQueryable<Activity>>> Newest =
        (db, activities) => activities.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id);

    private static readonly PerEngine<CatalogueQuery> OldestFirst = new(() => Compile(Oldest));
    private static readonly PerEngine<CatalogueQuery> NewestFirst = new(() => Compile(Newest));

    private static CatalogueQuery Compile(Expression<Func<AppDbContext, IQueryable<Activity>, IQueryable<Activity>>> order)
    {
        var query = EF.CompileAsyncQuery(Inline.Expand<Func<AppDbContext, int, DateTime, string?, bool?, bool?, ActivityKind?, int?, DateTime?, DateTime?, bool?, int, int, IQueryable<Counted<Found>>>>(
            (db, regionId, now, personId, drafts, past, kind, themeId, from, to, placesLeft, skip, take) =>
                RowsOf.Apply(db, order.Apply(db, Visible.Apply(db, regionId, now, drafts, past, kind, themeId, from, to, placesLeft))
                        .Skip(skip).Take(take)
                        .Join(db.Activities, page => page.Id, a => a.Id, (page, a) => a), personId)
                    .Select(row => new Counted<Found>
                    {
                        Row = row,
                        Total = Visible.Apply(db, regionId, now, drafts, past, kind, themeId, from, to, placesLeft).Count(),
                    })));
        return (db, regionId, now, personId, drafts, past, kind, themeId, from, to, placesLeft, skip, take) =>
            query(db, regionId, now, personId, drafts, past, kind, themeId, from, to, placesLeft, skip, take);
    }

    /// <summary>
    /// A view of the catalogue without places left or a month chosen (the region, drafts or upcoming or past, a kind, a theme):
    /// its activities' ids in the list's order, the same for everyone in the region. Kept under the programme's data version
    /// (which an activity's status, dates, kind, region, national showcase or themes move, on any node), and only from
    /// <see cref="From"/>, when it was read, until <see cref="Until"/>, when the next of the region's (or a national) activity
    /// starts or ends, since an activity moves from upcoming to past as time passes. Places left and a month are read each time
    /// (places change with every booking; a month's range is a short index search). The page's rows, with the places left and
    /// the viewer's own booking, are read for each request.
    /// </summary>
    private sealed record Listing(int[] Ids, DateTime From, DateTime Until);

    private delegate IAsyncEnumerable<int> ListingQuery(AppDbContext db, int regionId, DateTime now, bool? drafts, bool? past,
        ActivityKind? kind, int? themeId);

    private static readonly PerEngine<ListingQuery> ListOldestFirst = new(() => CompileListing(Oldest));
    private static readonly PerEngine<ListingQuery> ListNewestFirst = new(() => CompileListing(Newest));

    private static ListingQuery CompileListing(Expression<Func<AppDbContext, IQueryable<Activity>, IQueryable<Activity>>> order)
    {
        var query = EF.CompileAsyncQuery(Inline.Expand<Func<AppDbContext, int, DateTime, bool?, bool?, ActivityKind?, int?, IQueryable<int>>>(
            (db, regionId, now, drafts, past, kind, themeId) =>
                order.Apply(db, Visible.Apply(db, regionId, now, drafts, past, kind, themeId, null, null, null)).Select(a => a.Id)));
        return (db, regionId, now, drafts, past, kind, themeId) => query(db, regionId, now, drafts, past, kind, themeId);
    }

    /// <summary>
    /// The next time any of the region's activities, or any national one, starts or ends after <c>now</c>: until then no
    /// activity crosses from upcoming to past in any view (null: none ever will).
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, DateTime, Task<DateTime?>>> NextChange = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int regionId, DateTime now) => db.Activities
            .Where(a => (a.RegionId == regionId || a.IsNational) && a.EndsAt >= now)
            .Min(a => (DateTime?)(a.StartsAt >= now ? a.StartsAt : a.EndsAt))));

    /// <summary>
    /// The filters: a coordinator's drafts, or else the published (and, in the past, the completed and cancelled); upcoming or
    /// past; a kind, a theme, a month (from, to), places left. EF turns a null parameter's test into a constant and drops the
    /// condition it guards, so each pattern of filters has SQL of its own with only the conditions chosen.
    /// </summary>
    private static readonly Expression<Func<Activity, DateTime, bool?, bool?, ActivityKind?, int?, DateTime?, DateTime?, bool?, bool>> Chosen =
        (a, now, drafts, past, kind, themeId, from, to, placesLeft) =>
            (drafts == null || a.Status == ActivityStatus.Draft)
            && (drafts != null || past == null || a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed || a.Status == ActivityStatus.Cancelled)
            && (drafts != null || past != null || a.Status == ActivityStatus.Published)
            && (past == null || a.StartsAt < now)
            && (past != null || a.EndsAt >= now)
            && (kind == null || a.Kind == kind)
            && (themeId == null || a.Themes.Any(t => t.ThemeId == themeId))
            && (from == null || (a.StartsAt >= from && a.StartsAt < to))
            && (placesLeft == null || a.ConfirmedCount < a.Capacity);

    /// <summary>
    /// The activities a region's catalogue lists, with the filters given (each null when not chosen): the region's own, and every
    /// other region's published national showcases. Two index searches joined (UNION ALL), not one OR, which SQLite answered by
    /// reading every activity of a status; sorted as one compound, SQLite merges the two index walks in date order and stops at
    /// the page's last row (an "Id IN (…)" of the two read every row of both and sorted them for each page).
    /// </summary>
    private static readonly Expression<Func<AppDbContext, int, DateTime, bool?, bool?, ActivityKind?, int?, DateTime?, DateTime?, bool?, IQueryable<Activity>>> Visible =
        (db, regionId, now, drafts, past, kind, themeId, from, to, placesLeft) => db.Activities
            .Where(a => a.RegionId == regionId && Chosen.Apply(a, now, drafts, past, kind, themeId, from, to, placesLeft))
            .Concat(db.Activities.Where(a => a.IsNational && a.RegionId != regionId && a.Status != ActivityStatus.Draft
                && Chosen.Apply(a, now, drafts, past, kind, themeId, from, to, placesLeft)));

    /// <summary>
    /// The rows of activities already sorted. The viewer's
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

    /// <summary>A page's rows by their activities' ids (in no order: the listing gives it).</summary>
    private static readonly PerEngine<Func<AppDbContext, int[], string?, IAsyncEnumerable<Found>>> RowsById = new(() => EF.CompileAsyncQuery(
        Inline.Expand<Func<AppDbContext, int[], string?, IQueryable<Found>>>((db, ids, personId) =>
            RowsOf.Apply(db, db.Activities.Where(a => ids.Contains(a.Id)), personId))));

    /// <summary>A row of the page as read, before its theme ids are turned into names.</summary>
    private sealed record Found(int Id, string Title, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt, DateTime EndsAt,
        string? Where, int PlacesLeft, BookingMode Mode, bool IsNational, BookingStatus? Mine, string? ThemeIds);

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
