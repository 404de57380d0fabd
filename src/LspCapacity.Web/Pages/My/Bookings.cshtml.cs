using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.My;

/// <summary>A person's bookings, upcoming and past, and their private calendar feed link.</summary>
public class BookingsModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }

    /// <summary>From ?replace=true: asks "Are you sure?" before the calendar link is replaced.</summary>
    [BindProperty(SupportsGet = true, Name = "replace")] public bool ConfirmReplace { get; set; }
    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Bookings { get; private set; } = default!;
    public DateTime Now { get; private set; }
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData.SetSection(SiteSection.MyBookings);
        var now = clock.GetUtcNow().UtcDateTime;
        Now = now;
        var personId = me.RequiredId;
        Bookings = await PagingExtensions.FromCompiledAsync((skip, take) => PageOf.For(db)(db, personId, now, Past, skip, take), PageNumber, PageSize,
            () => LastPageAsync(personId, now, cancellationToken), cancellationToken);
        PageNumber = Bookings.PageNumber;
        var token = await CalendarTokenOf.For(db)(db, personId);
        FeedUrl = token is null ? null : $"{Request.Scheme}://{Request.Host}/my/calendar.ics?token={token}";
    }

    private const int PageSize = 25;

    /// <summary>A page number past the last (an old link): the last page, found from the total the first row carries.</summary>
    private async Task<Paged<Row>> LastPageAsync(string personId, DateTime now, CancellationToken cancellationToken)
    {
        var total = (await PageOf.For(db)(db, personId, now, Past, 0, 1).FirstOrDefaultAsync(cancellationToken))?.Total ?? 0;
        var last = Math.Max(1, (total + PageSize - 1) / PageSize);
        var rows = await PageOf.For(db)(db, personId, now, Past, (last - 1) * PageSize, PageSize).Select(r => r.Row).ToListAsync(cancellationToken);
        return new Paged<Row>(rows, last, PageSize, total);
    }

    /// <summary>
    /// A page of the person's bookings, each row with the total (<see cref="Counted{T}"/>): one round trip. Everyone's
    /// most-opened page after the catalogue, so compiled once: EF does not rework and look up the expression tree on every
    /// request (docs/performance.md). Upcoming and past differ only by @past: the sort's first key is the start for upcoming
    /// and a constant for past, whose second key is the start, latest first. A person has few bookings, so the rows are few
    /// whichever way they are sorted.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, string, DateTime, bool, int, int, IAsyncEnumerable<Counted<Row>>>> PageOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string personId, DateTime now, bool past, int skip, int take) => db.Bookings.AsNoTracking()
            .Where(b => b.PersonId == personId && (past ? b.Activity!.EndsAt < now : b.Activity!.EndsAt >= now))
            .OrderBy(b => past ? null : (DateTime?)b.Activity!.StartsAt).ThenByDescending(b => b.Activity!.StartsAt)
            .Skip(skip).Take(take)
            .Select(b => new Counted<Row>
            {
                Row = new Row(b.ActivityId, b.Activity!.Title, b.Activity.Kind, b.Activity.Status, b.Activity.StartsAt, b.Activity.EndsAt,
                    b.Activity.Venue ?? db.Partnerships.Where(p => p.Id == b.Activity.HostPartnershipId).Select(p => p.Name + " LSP").FirstOrDefault(),
                    b.Status, b.Attendance, b.Id, b.ProjectId, db.Projects.Where(p => p.Id == b.ProjectId).Select(p => p.Title).FirstOrDefault()),
                Total = db.Bookings.Count(x => x.PersonId == personId && (past ? x.Activity!.EndsAt < now : x.Activity!.EndsAt >= now)),
            })));

    private static readonly PerEngine<Func<AppDbContext, string, Task<string?>>> CalendarTokenOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string personId) => db.Users.Where(u => u.Id == personId).Select(u => u.CalendarToken).Single()));

    /// <summary>Creates the private feed link, or replaces it so the old one stops working.</summary>
    public async Task<IActionResult> OnPostFeedAsync(CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == me.RequiredId, cancellationToken);
        var replacing = user.CalendarToken is not null;
        user.NewCalendarToken();
        db.Audit(me.Id, replacing ? "calendar.link-reset" : "calendar.link-created", user);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess(replacing
            ? "Your calendar link has been replaced. The old link no longer works: subscribe again with the new one."
            : "Your calendar link is ready. Subscribe to it in your calendar program.");
        return RedirectToPage("/My/Bookings");
    }

    public string PageUrl(int page) => Url.Page("/My/Bookings", new { past = Past ? "true" : null })!.WithPageNumber(page, always: true);

    public sealed record Row(int ActivityId, string Title, ActivityKind Kind, ActivityStatus ActivityStatus, DateTime StartsAt, DateTime EndsAt,
        string? Where, BookingStatus Status, Attendance? Attendance, int BookingId, int? ProjectId, string? ProjectTitle);
}
