using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
    private Task<RegionRecord?> RegionOfAsync(int id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return RegionOf.For(db)(db, id);
    }

    /// <summary>Whose an activity is, read before every booking and cancellation: compiled once (as <see cref="FactsOf"/>).</summary>
    private static readonly PerEngine<Func<AppDbContext, int, Task<RegionRecord?>>> RegionOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int id) => db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new RegionRecord(a.RegionId, a.Status == ActivityStatus.Draft, a.IsNational)).SingleOrDefault()));

    /// <summary>
    /// The activity and every single fact of it the page shows one viewer (see <see cref="ShowAsync"/>). Compiled once: EF's
    /// work to turn an expression this size into its cached query on every call cost more CPU than the SQL.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, int?, int?, Task<Facts?>>> FactsOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int id, int? partnershipId, int? regionId) => db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new Facts(
                a,
                a.PriorityPartnerships.Any(),
                partnershipId != null && a.PriorityPartnerships.Any(p => p.PartnershipId == partnershipId),
                a.IsNational && regionId != null ? a.RegionCaps.Where(c => c.RegionId == regionId).Select(c => (int?)c.Cap).FirstOrDefault() : null,
                a.IsNational && regionId != null ? a.Bookings.Count(b => b.Status == BookingStatus.Confirmed && b.RegionId == regionId) : 0,
                partnershipId != null && a.PartnershipCap != null
                    ? a.Bookings.Count(b => b.Status == BookingStatus.Confirmed && b.PartnershipId == partnershipId) : 0,
                a.Bookings.Count(b => b.Status == BookingStatus.Waitlisted),
                a.Venue == null ? db.Partnerships.Where(p => p.Id == a.HostPartnershipId).Select(p => p.Name).FirstOrDefault() : null,
                a.IsNational ? db.Regions.Where(r => r.Id == a.RegionId).Select(r => r.Name).FirstOrDefault() : null,
                // The proposal it came from: scalar subqueries (a row of the proposal's would be joined by ROW_NUMBER over them all).
                a.ProposalId == null ? null
                    : db.Proposals.Where(p => p.Id == a.ProposalId)
                        .Select(p => db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First()).FirstOrDefault(),
                a.ProposalId == null ? 0
                    : db.ProposalEndorsements.Where(e => e.ProposalId == a.ProposalId).Select(e => e.PartnershipId).Distinct().Count()))
            .SingleOrDefault()));

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Activities);
        var now = clock.GetUtcNow().UtcDateTime;
        var partnershipId = me.PartnershipId;
        var regionId = me.RegionId;
        var personId = me.Id;
        // One round trip for the activity and every single fact of it the page shows this person: each EF query costs
        // more CPU than its SQL here, so the counts and names are subqueries of this one rather than queries of their own.
        // The booking rules get the confirmed places they count (see Activity.WhyNoPlaceFor): the viewer's partnership's
        // when places per partnership are capped, and on a national showcase their region's.
        var facts = await FactsOf.For(db)(db, id, partnershipId, regionId);
        if (facts is null)
        {
            return NotFound();
        }
        var activity = facts.Activity;
        var record = new RegionRecord(activity.RegionId, activity.Status == ActivityStatus.Draft, activity.IsNational);
        if (!(await authorization.AuthorizeAsync(User, record, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        CanManage = (await authorization.AuthorizeAsync(User, record, Operations.Manage)).Succeeded;
        National = activity.IsNational ? new NationalView(facts.OrganisedBy!, facts.RegionCap) : null;
        BookingClosedReason = activity.WhyBookingIsClosed(now, facts.KeepsPriorityPlaces, facts.PartnershipHasPriority);
        MyWaitReason = activity.WhyNoPlaceFor(facts.RegionCap, facts.RegionConfirmed, partnershipId, facts.PartnershipConfirmed);
        HasStarted = now >= activity.StartsAt;
        HasEnded = now >= activity.EndsAt;
        Origin = activity.ProposalId is { } proposalId && facts.ProposedBy is { } proposedBy
            ? new Board.ProposalOrigin(proposalId, proposedBy, facts.EndorsingPartnerships) : null;
        Now = now;
        WaitingCount = facts.WaitingCount;

        // The lists and the viewer's own booking, in a second round trip: what only a manager sees (the costs) and the
        // booking form's projects (when booking is open to them) are asked for only then.
        var items = await ListsAsync(id, personId, CanManage, BookingClosedReason is null ? partnershipId : null, cancellationToken);
        if (items.FirstOrDefault(i => i.Kind == ItemKind.MyBooking) is { } mine)
        {
            Mine = new MyBooking(mine.Id, Enum.Parse<BookingStatus>(mine.Code!), mine.At!.Value,
                mine.Text is null ? null : Enum.Parse<Attendance>(mine.Text), mine.Number, mine.Name);
            MyWaitingPosition = mine.Position;
        }
        var choosesProject = Mine is not { IsLive: true } && BookingClosedReason is null && partnershipId is not null;
        Contributors = ContributorsModel.InShowingOrder(items.Where(i => i.Kind == ItemKind.Contributor)
            .Select(i => new ContributorsModel.Row(i.Id, i.Number!.Value, i.Name!, Enum.Parse<ContributorRole>(i.Code!), i.Person ?? i.Text2, i.Text!)));
        CaseStudies = items.Where(i => i.Kind == ItemKind.CaseStudy).OrderByDescending(i => i.At).Select(i => (i.Name!, i.Text!)).ToList();
        if (choosesProject)
        {
            ProjectChoices = items.Where(i => i.Kind == ItemKind.Project).OrderByDescending(i => i.On).ThenBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => new SelectListItem(i.Name, i.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        }
        Activity = new View(activity.Id, activity.Title, activity.Description, activity.Kind, activity.Status, activity.StartsAt,
            activity.EndsAt, ActivityEmails.Where(activity, facts.HostName), activity.Capacity, activity.PlacesLeft,
            activity.PartnershipCap, activity.BookingOpensAt, activity.BookingClosesAt, activity.Mode, activity.PriorityUntil,
            activity.CancelReason, items.Where(i => i.Kind == ItemKind.Theme).OrderBy(i => i.Id).Select(i => i.Name!).ToList(),
            items.Where(i => i.Kind == ItemKind.Cost).OrderBy(i => i.Id).Select(i => new CostView(Enum.Parse<CostCategory>(i.Code!), i.Text, i.Amount!.Value)).ToList(),
            activity.MinimumNumber, activity.MinimumCutoff);
        return Page();
    }

    /// <summary>
    /// The activity's themes, contributors and published case studies and the viewer's latest booking of it, with its costs
    /// for a manager and the partnership's active projects for the booking form, as one UNION ALL of rows of one shape.
    /// </summary>
    private Task<List<Item>> ListsAsync(int id, string? personId, bool costs, int? projectsOf, CancellationToken cancellationToken) =>
        ListsOf.For(db)(db, id, personId, costs, projectsOf).ToListAsync(cancellationToken).AsTask();

    /// <summary>
    /// <see cref="ListsAsync"/>'s query, compiled once (as <see cref="FactsOf"/>). What not every viewer sees is asked for by
    /// parameters, not by composing the query per viewer: the costs when <c>costs</c>, the projects of <c>projectsOf</c>.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, string?, bool, int?, IAsyncEnumerable<Item>>> ListsOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int id, string? personId, bool costs, int? projectsOf) => db.Set<ActivityTheme>().AsNoTracking().Where(t => t.ActivityId == id)
            .Select(t => new Item
            {
                Kind = ItemKind.Theme, Id = t.ThemeId, Number = null, Name = db.Themes.Where(x => x.Id == t.ThemeId).Select(x => x.Name).First(),
                Text = null, Text2 = null, Person = null, Code = null, Amount = null, At = null, On = null, Position = null,
            })
            .Concat(db.ActivityContributors.Where(c => c.ActivityId == id).Select(c => new Item
            {
                Kind = ItemKind.Contributor, Id = c.Id, Number = c.PartnershipId,
                Name = db.Partnerships.Where(p => p.Id == c.PartnershipId).Select(p => p.Name).First(),
                Text = c.Contribution, Text2 = c.PresenterName, Person = db.Users.Where(u => u.Id == c.PersonId).Select(u => u.DisplayName).FirstOrDefault(),
                Code = c.Role.ToString(), Amount = null, At = null, On = null, Position = null,
            }))
            .Concat(db.CaseStudies.Where(c => c.SourceActivityId == id && c.Status == Domain.Library.CaseStudyStatus.Published).Select(c => new Item
            {
                Kind = ItemKind.CaseStudy, Id = c.Id, Number = null, Name = c.Slug, Text = c.Title, Text2 = null, Person = null,
                Code = null, Amount = null, At = c.PublishedAt, On = null, Position = null,
            }))
            // The viewer's latest booking (a rebooking in the same instant is still the latest) and, on the waiting list,
            // their place on it. Picked by a subquery in the WHERE, not ORDER BY … LIMIT: that made this SELECT a derived
            // table, whose untyped NULL columns PostgreSQL takes as text, which the cost lines' amounts cannot join.
            .Concat(db.Bookings.Where(b => b.ActivityId == id && b.PersonId == personId
                    && b.Id == db.Bookings.Where(l => l.ActivityId == id && l.PersonId == personId)
                        .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Select(l => l.Id).First())
                .Select(b => new Item
                {
                    Kind = ItemKind.MyBooking, Id = b.Id, Number = b.ProjectId, Name = db.Projects.Where(p => p.Id == b.ProjectId).Select(p => p.Title).FirstOrDefault(),
                    Text = b.Attendance == null ? null : b.Attendance.Value.ToString(), Text2 = null, Person = null, Code = b.Status.ToString(),
                    Amount = null, At = b.CreatedAt, On = null,
                    Position = b.Status == BookingStatus.Waitlisted
                        ? 1 + db.Bookings.Count(w => w.ActivityId == b.ActivityId && w.Status == BookingStatus.Waitlisted
                            && (w.CreatedAt < b.CreatedAt || w.CreatedAt == b.CreatedAt && w.Id < b.Id))
                        : null,
                }))
            .Concat(db.Set<CostLine>().Where(c => costs && c.ActivityId == id).Select(c => new Item
            {
                Kind = ItemKind.Cost, Id = c.Id, Number = null, Name = null, Text = c.Description, Text2 = null, Person = null,
                Code = c.Category.ToString(), Amount = c.Amount, At = null, On = null, Position = null,
            }))
            .Concat(db.Projects.Where(p => projectsOf != null && p.PartnershipId == projectsOf && p.Status == Domain.Projects.ProjectStatus.Active)
                .Select(p => new Item
                {
                    Kind = ItemKind.Project, Id = p.Id, Number = null, Name = p.Title, Text = null, Text2 = null, Person = null,
                    Code = null, Amount = null, At = null, On = p.StartsOn, Position = null,
                }))));

    private sealed record Facts(Activity Activity, bool KeepsPriorityPlaces, bool PartnershipHasPriority, int? RegionCap, int RegionConfirmed,
        int PartnershipConfirmed, int WaitingCount, string? HostName, string? OrganisedBy, string? ProposedBy, int EndorsingPartnerships);

    private enum ItemKind
    {
        Theme = 1,
        Contributor = 2,
        CaseStudy = 3,
        Cost = 4,
        Project = 5,
        MyBooking = 6,
    }

    /// <summary>One row of <see cref="ListsAsync"/>: the columns a kind does not use are null.</summary>
    private sealed class Item
    {
        public ItemKind Kind { get; init; }
        public int Id { get; init; }
        public int? Number { get; init; }
        public string? Name { get; init; }
        public string? Text { get; init; }
        public string? Text2 { get; init; }
        public string? Person { get; init; }
        /// <summary>A contributor's role, a cost's category or a booking's status, by name (as stored): one column for three enums.</summary>
        public string? Code { get; init; }
        public decimal? Amount { get; init; }
        public DateTime? At { get; init; }
        public DateOnly? On { get; init; }
        public int? Position { get; init; }
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
