using System.Text;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Activities;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Email;

public enum BookingEmail
{
    Confirmed,
    Promoted,
    Waitlisted,
    Requested,
    Declined,
    Cancelled,
    ActivityCancelled,
    ActivityChanged,
    Reminder,
    FeedbackRequest,
}

/// <summary>
/// Queues the emails that bookings cause, with their calendar attachments. Call inside the unit of
/// work that made the change, after the booking has its id: the de-duplication key names the booking.
/// </summary>
public sealed class ActivityEmails(Outbox outbox, TimeProvider clock)
{
    private readonly Dictionary<string, Recipient> _recipients = new(StringComparer.Ordinal);

    /// <param name="was">
    /// For <see cref="BookingEmail.Cancelled"/> and <see cref="BookingEmail.ActivityCancelled"/>: the booking's
    /// status before it was cancelled. Only a confirmed place was ever sent a REQUEST, so only it gets a CANCEL;
    /// a request or a place on the waiting list gets a plain email.
    /// </param>
    /// <param name="previously">For <see cref="BookingEmail.ActivityChanged"/>: when and where it was before the change.</param>
    public async Task QueueAsync(AppDbContext db, Activity activity, Booking booking, BookingEmail kind,
        CancellationToken cancellationToken, string? reason = null, string? offset = null, BookingStatus? was = null,
        Previously? previously = null)
    {
        var person = await RecipientAsync(db, booking.PersonId, cancellationToken);
        var where = await WhereAsync(db, activity, cancellationToken);
        await outbox.QueueAsync(db, Compose(activity, booking, kind, person, where, reason, offset, was, previously), cancellationToken);
    }

    /// <summary>When and where an activity was before a change, for the change email.</summary>
    public sealed record Previously(string When, string Where);

    /// <summary>Reads when and where an activity is now: call before changing it, and pass to the change emails.</summary>
    public static async Task<Previously> PreviouslyAsync(AppDbContext db, Activity activity, CancellationToken cancellationToken) =>
        new(When(activity), await WhereAsync(db, activity, cancellationToken));

    /// <summary>
    /// Reads who a booking email will go to before the unit of work that queues it begins. On SQLite
    /// that work holds the single write lock, so everything it need not read inside is read first
    /// (a booking's own person: the one who is booking or cancelling). QueueAsync reads anyone not read here.
    /// </summary>
    public async Task PrepareForAsync(AppDbContext db, string personId, CancellationToken cancellationToken) =>
        await RecipientAsync(db, personId, cancellationToken);

    private async Task<Recipient> RecipientAsync(AppDbContext db, string personId, CancellationToken cancellationToken)
    {
        if (!_recipients.TryGetValue(personId, out var recipient))
        {
            cancellationToken.ThrowIfCancellationRequested();
            recipient = await RecipientOf.For(db)(db, personId);
            _recipients[personId] = recipient;
        }
        return recipient;
    }

    /// <summary>
    /// Queues reminders for many bookings at once, as the reminder job does for thousands: the people,
    /// the host partnerships and the reminders already sent are read in one query each, not per booking.
    /// Returns how many were queued (reminders already queued or sent are skipped).
    /// </summary>
    public async Task<int> QueueRemindersAsync(AppDbContext db, IReadOnlyList<(Activity Activity, Booking Booking, string Offset)> due,
        CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return 0;
        }
        var personIds = due.Select(d => d.Booking.PersonId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id))
            .Select(u => new { u.Id, Recipient = new Recipient(u.Email!, u.DisplayName) })
            .ToDictionaryAsync(u => u.Id, u => u.Recipient, cancellationToken);
        var hostIds = due.Select(d => d.Activity).Where(a => a.Venue is null && a.HostPartnershipId is not null)
            .Select(a => a.HostPartnershipId!.Value).Distinct().ToList();
        var hosts = await db.Partnerships.AsNoTracking().Where(p => hostIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var emails = due.Select(d => Compose(d.Activity, d.Booking, BookingEmail.Reminder, people[d.Booking.PersonId],
                Where(d.Activity, d.Activity.HostPartnershipId is { } host ? hosts.GetValueOrDefault(host) : null), null, d.Offset, null, null))
            .ToList();
        return await outbox.QueueManyAsync(db, emails, cancellationToken);
    }

    private OutgoingEmail Compose(Activity activity, Booking booking, BookingEmail kind, Recipient person, string where,
        string? reason, string? offset, BookingStatus? was, Previously? previously)
    {
        var link = outbox.PageLink("/Activities/Details", new { id = activity.Id });
        if (kind is BookingEmail.Cancelled or BookingEmail.ActivityCancelled && was is null)
        {
            throw new ArgumentException("A cancellation email needs the booking's status before it was cancelled.", nameof(was));
        }
        if (kind is BookingEmail.ActivityChanged && previously is null)
        {
            throw new ArgumentException("A change email needs when and where the activity was before.", nameof(previously));
        }
        // Only a confirmed place was ever sent a REQUEST (and is in the person's feed), so only it is changed
        // or taken out of their calendar; a request or a place on the waiting list is told in words.
        var inCalendar = kind switch
        {
            BookingEmail.Cancelled or BookingEmail.ActivityCancelled => was == BookingStatus.Confirmed,
            BookingEmail.ActivityChanged => booking.Status == BookingStatus.Confirmed,
            _ => true,
        };
        var (template, key, calendar) = kind switch
        {
            BookingEmail.Confirmed => ("booking-confirmed", $"booking:{booking.Id}:confirmed", "REQUEST"),
            BookingEmail.Promoted => ("booking-promoted", $"booking:{booking.Id}:promoted", "REQUEST"),
            BookingEmail.Waitlisted => ("booking-waitlisted", $"booking:{booking.Id}:waitlisted", null),
            BookingEmail.Requested => ("booking-requested", $"booking:{booking.Id}:requested", null),
            BookingEmail.Declined => ("booking-declined", $"booking:{booking.Id}:declined", null),
            BookingEmail.Cancelled => ("booking-cancelled", $"booking:{booking.Id}:cancelled", inCalendar ? "CANCEL" : null),
            BookingEmail.ActivityCancelled => ("activity-cancelled", $"activity:{activity.Id}:cancelled:booking:{booking.Id}", inCalendar ? "CANCEL" : null),
            BookingEmail.ActivityChanged => ("activity-changed", $"activity:{activity.Id}:changed:{activity.Sequence}:booking:{booking.Id}", inCalendar ? "REQUEST" : null),
            BookingEmail.Reminder => ("activity-reminder", $"reminder:booking:{booking.Id}:{offset}", null),
            _ => ("feedback-request", $"feedback:booking:{booking.Id}", null),
        };
        var values = new Dictionary<string, string?>
        {
            ["Title"] = activity.Title,
            ["When"] = When(activity),
            ["WhenShort"] = UkTime.Date(activity.StartsAt),
            ["Where"] = where,
            ["Link"] = kind == BookingEmail.FeedbackRequest ? outbox.PageLink("/Activities/Feedback", new { id = activity.Id }) : link,
            ["Reason"] = reason ?? activity.CancelReason ?? "",
            ["ReasonLine"] = reason is null ? "" : $" Reason: {reason}",
        };
        if (kind is BookingEmail.Cancelled or BookingEmail.ActivityCancelled or BookingEmail.ActivityChanged)
        {
            values["CalendarNote"] = kind switch
            {
                BookingEmail.Cancelled or BookingEmail.ActivityCancelled => inCalendar
                    ? "The attached calendar update removes it from your calendar."
                    : "You did not have a confirmed place, so there is nothing to remove from your calendar.",
                _ when inCalendar => "The attached calendar update changes it in your calendar.",
                _ => booking.Status == BookingStatus.Waitlisted
                    ? "You are still on the waiting list: if a place comes up, we will email you."
                    : "Your request for a place is still waiting for the programme team's decision.",
            };
        }
        if (kind == BookingEmail.Cancelled)
        {
            values["Booking"] = was switch
            {
                BookingStatus.Waitlisted => "Your place on the waiting list for",
                BookingStatus.Requested => "Your request for a place on",
                _ => "Your booking for",
            };
        }
        if (previously is not null)
        {
            values["PreviousWhen"] = previously.When;
            values["PreviousWhere"] = previously.Where;
        }
        if (kind == BookingEmail.Waitlisted)
        {
            var waitReason = activity.WhyNoPlaceFor(booking.PartnershipId, booking.RegionId) ?? WaitReason.Full;
            values["WhyWaiting"] = ActivityText.WhyWaiting(waitReason, activity.PartnershipCap);
            values["WhatNext"] = ActivityText.WhatNext(waitReason);
        }
        var attachments = new List<EmailAttachment>();
        if (calendar is not null)
        {
            var info = CalendarInvites.From(activity, where, link);
            var organiser = Organiser();
            // The person keeps their acceptance when the whole activity is cancelled; a booking they or a
            // coordinator cancelled is declined.
            var attendee = new CalendarInvites.Attendee(person.Email, person.DisplayName,
                kind == BookingEmail.Cancelled ? CalendarInvites.ParticipationStatus.Declined : CalendarInvites.ParticipationStatus.Accepted);
            var ics = calendar == "CANCEL" ? CalendarInvites.Cancel(info, organiser, attendee) : CalendarInvites.Request(info, organiser, attendee);
            attachments.Add(new EmailAttachment(calendar == "CANCEL" ? "cancel.ics" : "invite.ics",
                $"text/calendar; charset=utf-8; method={calendar}", Encoding.UTF8.GetBytes(ics)));
        }
        return new OutgoingEmail(key, person.Email, person.DisplayName, template, values)
        {
            RegionId = activity.RegionId,
            Attachments = attachments,
        };
    }

    private sealed record Recipient(string Email, string DisplayName);

    public CalendarInvites.Organiser Organiser() =>
        new(outbox.Domain, outbox.FromAddress, outbox.FromName, clock.GetUtcNow().UtcDateTime);

    public static string When(Activity activity) => When(activity.StartsAt, activity.EndsAt);

    public static string When(DateTime startsAt, DateTime endsAt)
    {
        var start = UkTime.ToUk(startsAt);
        var end = UkTime.ToUk(endsAt);
        return start.Date == end.Date
            ? $"{UkTime.DateTime(startsAt)} to {UkTime.DateTime(endsAt)[(UkTime.Date(endsAt).Length + 4)..]}"
            : $"{UkTime.DateTime(startsAt)} to {UkTime.DateTime(endsAt)}";
    }

    public static async Task<string> WhereAsync(AppDbContext db, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Venue is not null)
        {
            return activity.Venue;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var host = activity.HostPartnershipId is { } hostId ? await HostNameOf.For(db)(db, hostId) : null;
        return Where(activity, host);
    }

    // Both read for every booking and cancellation (the second inside SQLite's write lock): compiled once, as EF's work to
    // look a composed query up costs more than these one-row reads.
    private static readonly PerEngine<Func<AppDbContext, string, Task<Recipient>>> RecipientOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string personId) => db.Users.AsNoTracking().Where(u => u.Id == personId)
            .Select(u => new Recipient(u.Email!, u.DisplayName)).Single()));

    private static readonly PerEngine<Func<AppDbContext, int, Task<string?>>> HostNameOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int id) => db.Partnerships.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefault()));

    /// <summary>Where an activity is, when its host partnership's name has been read already (null for none).</summary>
    public static string Where(Activity activity, string? hostName) =>
        activity.Venue ?? (hostName is null ? "to be confirmed" : $"hosted by {hostName} LSP");
}
