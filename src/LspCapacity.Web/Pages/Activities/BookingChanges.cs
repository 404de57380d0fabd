using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>
/// Audits and tells everyone whose booking the activity moved on its own (a place came up, or approval
/// was no longer needed), in the same unit of work as the change that moved them.
/// </summary>
internal static class BookingChanges
{
    public static async Task TellAsync(this ActivityEmails emails, AppDbContext db, Activity activity, IEnumerable<BookingChange> changes,
        string? actorId, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            var (action, details, email) = (change.Was, change.Booking.Status) switch
            {
                (BookingStatus.Waitlisted, BookingStatus.Confirmed) => ("booking.promoted", "A place came up", BookingEmail.Promoted),
                (_, BookingStatus.Confirmed) => ("booking.confirmed", "Places no longer need approval", BookingEmail.Confirmed),
                _ => ("booking.waitlisted", "Places no longer need approval", BookingEmail.Waitlisted),
            };
            db.Audit(actorId, action, change.Booking, details);
            await emails.QueueAsync(db, activity, change.Booking, email, cancellationToken);
        }
    }

    /// <summary>What a booker is told when they join the waiting list: what holds them back, and what happens next.</summary>
    public static string WaitingMessage(WaitReason reason, int? partnershipCap) =>
        $"You are on the waiting list because {ActivityText.WhyWaiting(reason, partnershipCap)}. {ActivityText.WhatNext(reason)}";
}
