using System.ComponentModel.DataAnnotations;
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

/// <summary>One activity: its details and the booking action that fits the viewer; coordinators publish, cancel and complete it.</summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, ActivityEmails emails, IAuthorizationService authorization) : PageModel
{
    public View Activity { get; private set; } = default!;
    public MyBooking? Mine { get; private set; }
    public string? BookingClosedReason { get; private set; }
    public int WaitingCount { get; private set; }
    public int? MyWaitingPosition { get; private set; }

    /// <summary>What would keep the viewer (or keeps them) on the waiting list now; null when a place is free for them.</summary>
    public WaitReason? MyWaitReason { get; private set; }
    public bool HasStarted { get; private set; }
    public bool HasEnded { get; private set; }
    public DateTime Now { get; private set; }

    /// <summary>From ?cancel=true: asks "Are you sure?" before the viewer's booking is cancelled.</summary>
    [BindProperty(SupportsGet = true, Name = "cancel")]
    public bool ConfirmCancel { get; set; }

    /// <summary>The viewer runs the activity (its own region's coordinator): the manage links show.</summary>
    public bool CanManage { get; private set; }

    /// <summary>Partnerships and presenters who deliver it with the programme team.</summary>
    public IReadOnlyList<ContributorsModel.Row> Contributors { get; private set; } = [];

    /// <summary>Set for a national showcase: who organises it and the cap on the viewer's region's places.</summary>
    public NationalView? National { get; private set; }

    /// <summary>Published case studies that came out of this activity.</summary>
    public IReadOnlyList<(string Slug, string Title)> CaseStudies { get; private set; } = [];

    /// <summary>The practitioners' proposal it came from, if the programme board approved one.</summary>
    public Board.ProposalOrigin? Origin { get; private set; }

    /// <summary>The supported project of the viewer's partnership that the place is for (optional, chosen when booking).</summary>
    [BindProperty] public int? ProjectId { get; set; }

    /// <summary>The viewer's partnership's active projects, for the booking form.</summary>
    public IReadOnlyList<SelectListItem> ProjectChoices { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter why the activity is cancelled")]
    [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
    public string? CancelReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostBookAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the cancel-reason field belongs to another form
        if (await RegionOfAsync(id, cancellationToken) is not { } record)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, record, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Domain.Projects.ProjectForSupport? project;
        try
        {
            project = await Projects.SupportLinks.RequireAsync(db, ProjectId, cancellationToken);
            project?.CheckServes(me.PartnershipId, "a place");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(ProjectId), e.Message);
            return await ShowAsync(id, cancellationToken);
        }
        await emails.PrepareForAsync(db, me.RequiredId, cancellationToken);
        try
        {
            var (status, waitReason, cap) = await db.InTransactionAsync(async ct =>
            {
                var activity = await db.ActivityForPersonAsync(id, me.RequiredId, ct)
                               ?? throw new DomainException("That activity no longer exists.");
                var booking = activity.Book(me.RequiredId, me.PartnershipId, clock.GetUtcNow().UtcDateTime, personRegionId: me.RegionId);
                booking.ServeProject(project);
                await db.SaveChangesAsync(ct);
                db.Audit(me.Id, "booking.created", booking, booking.Status.ToString()); // written with the email: the booking has its key now
                await emails.QueueAsync(db, activity, booking, booking.Status switch
                {
                    BookingStatus.Confirmed => BookingEmail.Confirmed,
                    BookingStatus.Waitlisted => BookingEmail.Waitlisted,
                    _ => BookingEmail.Requested,
                }, ct);
                await db.SaveChangesAsync(ct);
                return (booking.Status, activity.WhyNoPlaceFor(booking.PartnershipId, booking.RegionId), activity.PartnershipCap);
            }, cancellationToken);
            TempData.SetSuccess(status switch
            {
                BookingStatus.Confirmed => "Your place is confirmed. We have emailed you a calendar invitation.",
                BookingStatus.Waitlisted => BookingChanges.WaitingMessage(waitReason ?? WaitReason.Full, cap),
                _ => "Your request has been sent. The programme team will decide and email you.",
            });
            return RedirectToPage("/Activities/Details", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
        }
    }

    public async Task<IActionResult> OnPostCancelBookingAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await RegionOfAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        await emails.PrepareForAsync(db, me.RequiredId, cancellationToken);
        try
        {
            var found = await db.InTransactionAsync(async ct =>
            {
                var activity = await db.ActivityForPersonAsync(id, me.RequiredId, ct)
                               ?? throw new DomainException("That activity no longer exists.");
                var booking = activity.Bookings.FirstOrDefault(b => b.PersonId == me.RequiredId && b.IsLive);
                if (booking is null)
                {
                    return false;
                }
                var now = clock.GetUtcNow().UtcDateTime;
                if (now >= activity.StartsAt)
                {
                    throw new DomainException("The activity has started: it is too late to cancel.");
                }
                var was = booking.Status;
                var promotions = activity.CancelBooking(booking, now, "Cancelled by the person");
                db.Audit(me.Id, "booking.cancelled", booking);
                // Every booking has its key already: the change, its audit and its emails are one save.
                await emails.QueueAsync(db, activity, booking, BookingEmail.Cancelled, ct, was: was);
                await emails.TellAsync(db, activity, promotions, null, ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
            if (!found)
            {
                return NotFound();
            }
            TempData.SetSuccess("Your booking has been cancelled.");
            return RedirectToPage("/Activities/Details", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
        }
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        CoordinatorActionAsync(id, async (activity, now, ct) =>
        {
            activity.Publish(now);
            db.Audit(me.Id, "activity.published", activity);
            await db.SaveChangesAsync(ct);
            return $"{activity.Title} is published and open for booking from {UkTime.DateTime(activity.BookingOpensAt)}.";
        }, cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken) =>
        CoordinatorActionAsync(id, async (activity, now, ct) =>
        {
            activity.Complete(now);
            db.Audit(me.Id, "activity.completed", activity);
            await db.SaveChangesAsync(ct);
            return $"{activity.Title} is marked as completed.";
        }, cancellationToken);

    public async Task<IActionResult> OnPostCancelActivityAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }
        ModelState.Clear();
        return await CoordinatorActionAsync(id, async (activity, now, ct) =>
        {
            var changes = activity.Cancel(CancelReason!, now);
            db.Audit(me.Id, "activity.cancelled", activity, CancelReason);
            await db.SaveChangesAsync(ct);
            foreach (var change in changes)
            {
                await emails.QueueAsync(db, activity, change.Booking, BookingEmail.ActivityCancelled, ct, CancelReason, was: change.Was);
            }
            await db.SaveChangesAsync(ct);
            return $"{activity.Title} is cancelled. {changes.Count} {(changes.Count == 1 ? "person has" : "people have")} been told.";
        }, cancellationToken);
    }

    private async Task<IActionResult> CoordinatorActionAsync(int id, Func<Activity, DateTime, CancellationToken, Task<string>> action,
        CancellationToken cancellationToken)
    {
        if (await RegionOfAsync(id, cancellationToken) is not { } record)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, record, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            var message = await db.InTransactionAsync(async ct =>
                await action(await db.ActivityWithLiveBookingsAsync(id, ct) ?? throw new DomainException("That activity no longer exists."),
                    clock.GetUtcNow().UtcDateTime, ct), cancellationToken);
            TempData.SetSuccess(message);
            return RedirectToPage("/Activities/Details", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
        }
    }

    /// <summary>The activity as the region rule sees it: its region, whether it is a draft, whether it is national.</summary>
    private Task<RegionRecord?> RegionOfAsync(int id, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new RegionRecord(a.RegionId, a.Status == ActivityStatus.Draft, a.IsNational)).SingleOrDefaultAsync(cancellationToken);

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Activities);
        var now = clock.GetUtcNow().UtcDateTime;
        var partnershipId = me.PartnershipId;
        var regionId = me.RegionId;
        var national = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => a.IsNational).SingleOrDefaultAsync(cancellationToken);
        // The viewer's partnership's confirmed places, which its cap counts, and on a national showcase
        // their region's, which its cap counts (see Activity.WhyNoPlaceFor).
        var activity = await db.Activities.AsNoTracking().Include(a => a.PriorityPartnerships).Include(a => a.RegionCaps)
            .Include(a => a.Bookings.Where(b => b.Status == BookingStatus.Confirmed
                && (partnershipId != null && b.PartnershipId == partnershipId || national && regionId != null && b.RegionId == regionId)))
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        var record = new RegionRecord(activity.RegionId, activity.Status == ActivityStatus.Draft, activity.IsNational);
        if (!(await authorization.AuthorizeAsync(User, record, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        CanManage = (await authorization.AuthorizeAsync(User, record, Operations.Manage)).Succeeded;
        Contributors = await ContributorsModel.ListAsync(db, id, cancellationToken);
        National = activity.IsNational
            ? new NationalView(await db.Regions.AsNoTracking().Where(r => r.Id == activity.RegionId).Select(r => r.Name).SingleAsync(cancellationToken),
                activity.RegionCapFor(regionId))
            : null;
        var themes = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .SelectMany(a => a.Themes).Join(db.Themes, at => at.ThemeId, t => t.Id, (_, t) => t.Name).ToListAsync(cancellationToken);
        var costs = await db.Activities.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Costs)
            .Select(c => new CostView(c.Category, c.Description, c.Amount)).ToListAsync(cancellationToken);
        Activity = new View(activity.Id, activity.Title, activity.Description, activity.Kind, activity.Status, activity.StartsAt,
            activity.EndsAt, await ActivityEmails.WhereAsync(db, activity, cancellationToken), activity.Capacity, activity.PlacesLeft,
            activity.PartnershipCap, activity.BookingOpensAt, activity.BookingClosesAt, activity.Mode, activity.PriorityUntil,
            activity.CancelReason, themes, costs, activity.MinimumNumber, activity.MinimumCutoff);
        BookingClosedReason = activity.WhyBookingIsClosed(now, me.PartnershipId);
        MyWaitReason = activity.WhyNoPlaceFor(me.PartnershipId, regionId);
        HasStarted = now >= activity.StartsAt;
        CaseStudies = (await db.CaseStudies.AsNoTracking()
                .Where(c => c.SourceActivityId == id && c.Status == Domain.Library.CaseStudyStatus.Published)
                .OrderByDescending(c => c.PublishedAt).Select(c => new { c.Slug, c.Title }).ToListAsync(cancellationToken))
            .Select(c => (c.Slug, c.Title)).ToList();
        HasEnded = now >= activity.EndsAt;
        Origin = await Board.ProposalOrigin.ForActivityAsync(db, id, cancellationToken);
        Now = now;
        var personId = me.Id;
        Mine = await db.Bookings.AsNoTracking()
            .Where(b => b.ActivityId == id && b.PersonId == personId)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id) // a rebooking in the same instant is still the latest
            .Select(b => new MyBooking(b.Id, b.Status, b.CreatedAt, b.Attendance, b.ProjectId,
                db.Projects.Where(p => p.Id == b.ProjectId).Select(p => p.Title).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
        if (Mine is not { IsLive: true } && BookingClosedReason is null)
        {
            ProjectChoices = await Projects.SupportLinks.ChoicesAsync(db, me.PartnershipId, closedToo: false, cancellationToken);
        }
        WaitingCount = await db.Bookings.AsNoTracking().CountAsync(b => b.ActivityId == id && b.Status == BookingStatus.Waitlisted, cancellationToken);
        if (Mine is { Status: BookingStatus.Waitlisted } waiting)
        {
            MyWaitingPosition = 1 + await db.Bookings.AsNoTracking().CountAsync(b => b.ActivityId == id && b.Status == BookingStatus.Waitlisted
                && (b.CreatedAt < waiting.CreatedAt || b.CreatedAt == waiting.CreatedAt && b.Id < waiting.Id), cancellationToken);
        }
        return Page();
    }

    public sealed record View(int Id, string Title, string Description, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt,
        DateTime EndsAt, string Where, int Capacity, int PlacesLeft, int? PartnershipCap, DateTime BookingOpensAt, DateTime BookingClosesAt,
        BookingMode Mode, DateTime? PriorityUntil, string? CancelReason, List<string> Themes, List<CostView> Costs, int? MinimumNumber,
        DateTime? MinimumCutoff);

    public sealed record NationalView(string OrganisedBy, int? MyRegionCap);

    public sealed record CostView(CostCategory Category, string? Description, decimal Amount);

    public sealed record MyBooking(int Id, BookingStatus Status, DateTime CreatedAt, Attendance? Attendance, int? ProjectId, string? ProjectTitle)
    {
        public bool IsLive => Status is BookingStatus.Confirmed or BookingStatus.Waitlisted or BookingStatus.Requested;
    }
}
