using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Activities;
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
        var query = db.Bookings.AsNoTracking().Where(BookingRule.Of(personId));
        query = Past ? query.Where(b => b.Activity!.EndsAt < now) : query.Where(b => b.Activity!.EndsAt >= now);
        query = Past ? query.OrderByDescending(b => b.Activity!.StartsAt) : query.OrderBy(b => b.Activity!.StartsAt);
        Bookings = await query
            .Select(b => new Row(b.ActivityId, b.Activity!.Title, b.Activity.Kind, b.Activity.Status, b.Activity.StartsAt, b.Activity.EndsAt,
                b.Activity.Venue ?? db.Partnerships.Where(p => p.Id == b.Activity.HostPartnershipId).Select(p => p.Name + " LSP").FirstOrDefault(),
                b.Status, b.Attendance, b.Id, b.ProjectId, db.Projects.Where(p => p.Id == b.ProjectId).Select(p => p.Title).FirstOrDefault()))
            .ToPagedAsync(PageNumber, 25, cancellationToken);
        var token = await db.Users.AsNoTracking().Where(u => u.Id == personId).Select(u => u.CalendarToken).SingleAsync(cancellationToken);
        FeedUrl = token is null ? null : $"{Request.Scheme}://{Request.Host}/my/calendar.ics?token={token}";
    }

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
