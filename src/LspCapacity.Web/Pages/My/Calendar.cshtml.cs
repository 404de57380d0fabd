using System.Text;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.My;

/// <summary>
/// A person's private calendar feed: public by URL, protected by the secret token in it (calendar
/// programs cannot sign in). Confirmed places, and the confirmed places of cancelled activities as
/// cancelled events so calendars remove them; requests and waiting places were never in it.
/// </summary>
[IgnoreAntiforgeryToken]
public class CalendarModel(AppDbContext db, ActivityEmails emails, Outbox outbox) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return NotFound();
        }
        var personId = await db.Users.AsNoTracking().Where(u => u.CalendarToken == token && u.IsActive).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (personId is null)
        {
            return NotFound();
        }
        var activities = await db.Bookings.AsNoTracking()
            .Where(b => b.PersonId == personId && (b.Status == BookingStatus.Confirmed || b.Activity!.Status == ActivityStatus.Cancelled && b.CancelReason == Booking.ActivityCancelledReason))
            .Select(b => b.Activity!)
            .ToListAsync(cancellationToken);
        var hosts = await db.Partnerships.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var events = activities.Select(a => CalendarInvites.From(a,
            a.Venue ?? (a.HostPartnershipId is { } h ? $"hosted by {hosts[h]} LSP" : null), outbox.PageLink("/Activities/Details", new { id = a.Id })));
        var ics = CalendarInvites.Feed(events, emails.Organiser());
        Response.Headers.CacheControl = "private, max-age=900";
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "lsp-bookings.ics");
    }
}
