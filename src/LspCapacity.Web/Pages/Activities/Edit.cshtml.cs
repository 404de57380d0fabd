using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>
/// Changes an activity. When a published activity's time or place changes, everyone booked gets an updated
/// invitation and everyone waiting is told; when the change frees places, the waiting list fills them in the
/// same save.
/// </summary>
public class EditModel(AppDbContext db, CurrentUser me, ActivityEmails emails, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public string CurrentTitle { get; private set; } = "";

    /// <summary>The practitioners' proposal it came from, if the programme board approved one.</summary>
    public Board.ProposalOrigin? Origin { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(id, tracked: false, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(activity.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        CurrentTitle = activity.Title;
        Origin = await Board.ProposalOrigin.ForActivityAsync(db, id, cancellationToken);
        Input = ActivityInput.From(activity);
        ViewData["Lists"] = await ActivityInput.ListsAsync(db, activity.RegionId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.RegionId, a.Title }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(found.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        CurrentTitle = found.Title;
        Origin = await Board.ProposalOrigin.ForActivityAsync(db, id, cancellationToken);
        await Input.ValidateAsync(db, found.RegionId, ModelState, cancellationToken);
        var priority = ModelState.IsValid ? await Input.PriorityPartnershipsAsync(db, found.RegionId, ModelState, cancellationToken) : [];
        if (ModelState.IsValid)
        {
            try
            {
                var (notified, promoted) = await db.InTransactionAsync(async ct =>
                {
                    var activity = (await LoadAsync(id, tracked: true, ct))!;
                    var previously = await ActivityEmails.PreviouslyAsync(db, activity, ct);
                    var update = activity.Update(Input.ToDetails(), Input.ThemeIds, clock.GetUtcNow().UtcDateTime);
                    var changed = update.CalendarChanged;
                    activity.SetPriorityPartnerships(priority);
                    activity.SetCosts(Input.Costs());
                    db.Audit(me.Id, "activity.updated", activity, changed ? $"sequence {activity.Sequence}" : null);
                    await emails.TellAsync(db, activity, update.BookingChanges, me.Id, ct);
                    await db.SaveChangesAsync(ct);
                    // Everyone still expecting something is told: confirmed places get an updated invitation,
                    // people waiting (on the list or for approval) an email saying what changed. Those just
                    // given a place have its invitation, with the new details, already.
                    var moved = update.BookingChanges.Select(c => c.Booking).ToList();
                    var live = activity.Bookings.Where(b => b.IsLive && !moved.Contains(b)).ToList();
                    if (changed)
                    {
                        foreach (var booking in live)
                        {
                            await emails.QueueAsync(db, activity, booking, BookingEmail.ActivityChanged, ct, previously: previously);
                        }
                        await db.SaveChangesAsync(ct);
                    }
                    return (changed ? live.Count : 0, update.BookingChanges.Count(c => c.Booking.Status == BookingStatus.Confirmed));
                }, cancellationToken);
                var saved = notified > 0
                    ? $"Saved. {notified} {(notified == 1 ? "person has" : "people have")} been told of the change by email."
                    : "Your changes have been saved.";
                TempData.SetSuccess(promoted == 0 ? saved
                    : $"{saved} {promoted} {(promoted == 1 ? "person" : "people")} from the waiting list {(promoted == 1 ? "has" : "have")} been given a place.");
                return RedirectToPage("/Activities/Details", new { id });
            }
            catch (DomainException e)
            {
                this.Refused(e, db);
            }
        }
        ViewData["Lists"] = await ActivityInput.ListsAsync(db, found.RegionId, cancellationToken);
        return Page();
    }

    /// <summary>The activity to edit; to save a change, loaded as <see cref="ActivityLoads.ActivityForEditAsync"/> does.</summary>
    private Task<Activity?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken) =>
        tracked
            ? db.ActivityForEditAsync(id, cancellationToken)
            : db.Activities.Include(a => a.Themes).Include(a => a.Costs).Include(a => a.PriorityPartnerships)
                .AsSplitQuery().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
}
