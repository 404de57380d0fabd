using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>
/// A coordinator's view of one activity's bookings: approve or decline requests, promote from the
/// waiting list, book someone, move or remove a booking (with a reason for the audit trail), take the
/// attendance register, and read the feedback.
/// </summary>
public class ManageModel(AppDbContext db, CurrentUser me, TimeProvider clock, ActivityEmails emails, IAuthorizationService authorization) : PageModel
{
    public Summary Activity { get; private set; } = default!;
    public IReadOnlyList<Row> Bookings { get; private set; } = [];
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OtherActivities { get; private set; } = [];
    public FeedbackSummary Feedback { get; private set; } = new(0, null, null, []);

    /// <summary>Set from ?remove= or ?decline=: the booking whose reason form is shown.</summary>
    [BindProperty(SupportsGet = true)] public int? Remove { get; set; }
    [BindProperty(SupportsGet = true)] public int? Decline { get; set; }
    [BindProperty(SupportsGet = true)] public int? Move { get; set; }

    [BindProperty] public int BookingId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? PersonId { get; set; }
    [BindProperty] public int? TargetActivityId { get; set; }
    [BindProperty(Name = "Register")] public Dictionary<int, string> Register { get; set; } = [];

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async (activity, now, ct) =>
        {
            var booking = Find(activity, BookingId);
            var status = activity.Approve(booking, now);
            db.Audit(me.Id, "booking.approved", booking, status.ToString());
            await db.SaveChangesAsync(ct);
            await emails.QueueAsync(db, activity, booking, status == BookingStatus.Confirmed ? BookingEmail.Confirmed : BookingEmail.Waitlisted, ct);
            return status == BookingStatus.Confirmed
                ? "Request approved: the place is confirmed."
                : $"Request approved, but {WhyTheyWait(activity, booking)}: they are on the waiting list.";
        }, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async (activity, now, ct) =>
        {
            var booking = Find(activity, BookingId);
            activity.Decline(booking, now, RequireReason());
            db.Audit(me.Id, "booking.declined", booking, Reason);
            await db.SaveChangesAsync(ct);
            await emails.QueueAsync(db, activity, booking, BookingEmail.Declined, ct, Reason);
            return "Request declined. They have been told why.";
        }, cancellationToken);

    public Task<IActionResult> OnPostPromoteAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async (activity, now, ct) =>
        {
            var booking = Find(activity, BookingId);
            activity.Promote(booking, now);
            db.Audit(me.Id, "booking.promoted", booking, "Promoted by a coordinator");
            await db.SaveChangesAsync(ct);
            await emails.QueueAsync(db, activity, booking, BookingEmail.Promoted, ct);
            return "Promoted from the waiting list: the place is confirmed.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async (activity, now, ct) =>
        {
            var booking = Find(activity, BookingId);
            var was = booking.Status;
            var promotions = activity.CancelBooking(booking, now, RequireReason());
            db.Audit(me.Id, "booking.removed", booking, Reason);
            await db.SaveChangesAsync(ct);
            await emails.QueueAsync(db, activity, booking, BookingEmail.Cancelled, ct, Reason, was: was);
            await emails.TellAsync(db, activity, promotions, me.Id, ct);
            return promotions.Count == 0 ? "Booking removed." : "Booking removed. The next person on the waiting list has the place.";
        }, cancellationToken);

    public Task<IActionResult> OnPostBookPersonAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async (activity, now, ct) =>
        {
            var person = await db.Users.AsNoTracking()
                .Where(u => u.Id == PersonId && u.IsActive && u.RegionId == activity.RegionId)
                .Select(u => new { u.Id, u.PartnershipId, u.RegionId }).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("Select a person from the list.");
            var booking = activity.Book(person.Id, person.PartnershipId, now, byCoordinator: true, personRegionId: person.RegionId);
            db.Audit(me.Id, "booking.created-by-coordinator", booking, booking.Status.ToString());
            await db.SaveChangesAsync(ct);
            await emails.QueueAsync(db, activity, booking, booking.Status == BookingStatus.Confirmed ? BookingEmail.Confirmed : BookingEmail.Waitlisted, ct);
            return booking.Status == BookingStatus.Confirmed
                ? "Booked: the place is confirmed."
                : $"{ActivityText.Sentence(WhyTheyWait(activity, booking))}: they are on the waiting list.";
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async (activity, now, ct) =>
        {
            var booking = Find(activity, BookingId);
            if (TargetActivityId is not { } targetId || targetId == activity.Id)
            {
                throw new DomainException("Select the activity to move them to.");
            }
            var target = await db.ActivityWithLiveBookingsAsync(targetId, ct) is { } found && found.RegionId == activity.RegionId
                ? found
                : throw new DomainException("Select the activity to move them to.");
            var reason = $"Moved to {target.Title}";
            var was = booking.Status;
            var promotions = activity.CancelBooking(booking, now, reason);
            var moved = target.Book(booking.PersonId, booking.PartnershipId, now, byCoordinator: true, personRegionId: booking.RegionId);
            db.Audit(me.Id, "booking.moved", booking, reason);
            await db.SaveChangesAsync(ct);
            await emails.QueueAsync(db, activity, booking, BookingEmail.Cancelled, ct, reason, was: was);
            await emails.QueueAsync(db, target, moved, moved.Status == BookingStatus.Confirmed ? BookingEmail.Confirmed : BookingEmail.Waitlisted, ct);
            await emails.TellAsync(db, activity, promotions, me.Id, ct);
            return $"Moved to {target.Title} ({(moved.Status == BookingStatus.Confirmed ? "place confirmed" : "on the waiting list")}).";
        }, cancellationToken);

    public Task<IActionResult> OnPostAttendanceAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async (activity, now, ct) =>
        {
            var recorded = 0;
            foreach (var (bookingId, value) in Register)
            {
                var booking = Find(activity, bookingId);
                Attendance? attendance = value switch
                {
                    "Attended" => Attendance.Attended,
                    "NoShow" => Attendance.NoShow,
                    "" or null => null,
                    _ => throw new DomainException("Choose attended, no-show or not recorded for each person."),
                };
                activity.RecordAttendance(booking, attendance, now);
                recorded++;
            }
            db.Audit(me.Id, "activity.attendance-recorded", activity, $"{recorded} people");
            return "The attendance register is saved.";
        }, cancellationToken, includeAllBookings: true);

    private string RequireReason()
    {
        Reason = Reason?.Trim();
        if (string.IsNullOrEmpty(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter a reason");
            throw new DomainException("Enter a reason");
        }
        if (Reason.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "The reason must be 1,000 characters or fewer");
            throw new DomainException("The reason must be 1,000 characters or fewer");
        }
        return Reason;
    }

    private static string WhyTheyWait(Activity activity, Booking booking) =>
        ActivityText.WhyWaiting(activity.WhyNoPlaceFor(booking.PartnershipId, booking.RegionId) ?? WaitReason.Full, activity.PartnershipCap, "their");

    private static Booking Find(Activity activity, int bookingId) =>
        activity.Bookings.FirstOrDefault(b => b.Id == bookingId) ?? throw new DomainException("That booking is not on this activity.");

    private async Task<IActionResult> ActAsync(int id, Func<Activity, DateTime, CancellationToken, Task<string>> action,
        CancellationToken cancellationToken, bool includeAllBookings = false)
    {
        var regionId = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.RegionId).SingleOrDefaultAsync(cancellationToken);
        if (regionId is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(regionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            var message = await db.InTransactionAsync(async ct =>
            {
                var activity = await (includeAllBookings ? db.ActivityWithAllBookingsAsync(id, ct) : db.ActivityWithLiveBookingsAsync(id, ct))
                               ?? throw new DomainException("That activity no longer exists.");
                var result = await action(activity, clock.GetUtcNow().UtcDateTime, ct);
                await db.SaveChangesAsync(ct);
                return result;
            }, cancellationToken);
            TempData.SetSuccess(message);
            return RedirectToPage("/Activities/Manage", new { id });
        }
        catch (DomainException e)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("", e.Message);
            }
            return await ShowAsync(id, cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Activities);
        var now = clock.GetUtcNow().UtcDateTime;
        var summary = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new Summary(a.Id, a.RegionId, a.Title, a.Status, a.Mode, a.StartsAt, a.EndsAt, a.Capacity, a.ConfirmedCount,
                a.Costs.Sum(c => (decimal?)c.Amount) ?? 0, now >= a.StartsAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(summary.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        Activity = summary;
        Bookings = await db.Bookings.AsNoTracking().Where(b => b.ActivityId == id)
            .OrderBy(b => b.Status).ThenBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .Join(db.Users, b => b.PersonId, u => u.Id, (b, u) => new Row(b.Id, u.Id, u.DisplayName, u.Email!, u.Organisation,
                db.Partnerships.Where(p => p.Id == b.PartnershipId).Select(p => p.Name).FirstOrDefault(),
                b.Status, b.CreatedAt, b.Attendance, b.CancelReason, b.BookedInPriorityWindow,
                b.ProjectId, db.Projects.Where(p => p.Id == b.ProjectId).Select(p => p.Title).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var live = Bookings.Where(b => b.Status is BookingStatus.Confirmed or BookingStatus.Waitlisted or BookingStatus.Requested)
            .Select(b => b.PersonId).ToList();
        People = await db.Users.AsNoTracking()
            .Where(u => u.RegionId == summary.RegionId && u.IsActive && u.PasswordHash != null && !live.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + u.Email + ")", u.Id))
            .ToListAsync(cancellationToken);
        OtherActivities = await db.Activities.AsNoTracking()
            .Where(a => a.RegionId == summary.RegionId && a.Id != id && a.Status == ActivityStatus.Published && a.StartsAt > now)
            .OrderBy(a => a.StartsAt)
            .Select(a => new SelectListItem(a.Title, a.Id.ToString()))
            .ToListAsync(cancellationToken);
        var feedback = await db.Feedback.AsNoTracking()
            .Join(db.Bookings.Where(b => b.ActivityId == id), f => f.BookingId, b => b.Id, (f, _) => f)
            .Select(f => new { f.Usefulness, f.Quality, f.ApplyLocally })
            .ToListAsync(cancellationToken);
        Feedback = new FeedbackSummary(feedback.Count,
            feedback.Count == 0 ? null : feedback.Average(f => f.Usefulness),
            feedback.Count == 0 ? null : feedback.Average(f => f.Quality),
            feedback.Select(f => f.ApplyLocally).ToList());
        return Page();
    }

    public sealed record Summary(int Id, int RegionId, string Title, ActivityStatus Status, BookingMode Mode, DateTime StartsAt,
        DateTime EndsAt, int Capacity, int Confirmed, decimal TotalCost, bool Started);

    public sealed record Row(int Id, string PersonId, string Name, string Email, string? Organisation, string? Partnership,
        BookingStatus Status, DateTime CreatedAt, Attendance? Attendance, string? CancelReason, bool Priority, int? ProjectId, string? ProjectTitle);

    /// <summary>Confirmed places, and those for a supported project of the person's partnership.</summary>
    public (int Places, int ForProjects) ConfirmedForProjects =>
        (Bookings.Count(b => b.Status == BookingStatus.Confirmed), Bookings.Count(b => b.Status == BookingStatus.Confirmed && b.ProjectId != null));

    /// <summary>People marked attended, and those of them who came for a supported project.</summary>
    public (int Attended, int ForProjects) AttendedForProjects =>
        (Bookings.Count(b => b.Attendance == Attendance.Attended), Bookings.Count(b => b.Attendance == Attendance.Attended && b.ProjectId != null));

    public sealed record FeedbackSummary(int Count, double? Usefulness, double? Quality, IReadOnlyList<string> ApplyLocally);
}
