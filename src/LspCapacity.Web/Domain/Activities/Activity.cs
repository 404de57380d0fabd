namespace LspCapacity.Web.Domain.Activities;

/// <summary>Everything a coordinator sets when scheduling an activity. Times are UTC.</summary>
public sealed record ActivityDetails(
    ActivityKind Kind,
    string Title,
    string Description,
    DateTime StartsAt,
    DateTime EndsAt,
    string? Venue,
    int? HostPartnershipId,
    int Capacity,
    int? PartnershipCap,
    DateTime BookingOpensAt,
    DateTime BookingClosesAt,
    BookingMode Mode,
    DateTime? PriorityUntil,
    int? MinimumNumber,
    DateTime? MinimumCutoff);

/// <summary>What happened to whom when a booking changed, so the caller can tell them.</summary>
public sealed record BookingChange(Booking Booking, BookingStatus Was);

/// <summary>What changing an activity did: whether calendars must be updated, and whose bookings moved.</summary>
public sealed record ActivityUpdate(bool CalendarChanged, IReadOnlyList<BookingChange> BookingChanges);

/// <summary>
/// A scheduled event: seminar, workshop, study visit or showcase. Owns its bookings and their rules:
/// never more confirmed places than capacity, one live booking per person, the partnership cap, the
/// booking window, waiting list order and promotion on cancellation. <see cref="ConfirmedCount"/> is a
/// concurrency token, so two requests that both saw a free place cannot both take it: the second
/// save's conditional update matches no row and is retried with fresh data. Each rule says which
/// bookings it looks at; Data/ActivityLoads has one loader per kind of change that loads exactly those.
/// </summary>
public partial class Activity
{
    private readonly List<ActivityTheme> _themes = [];
    private readonly List<CostLine> _costs = [];
    private readonly List<ActivityPriorityPartnership> _priorityPartnerships = [];
    private readonly List<Booking> _bookings = [];

    private Activity() { }

    public Activity(int regionId, ActivityDetails details, IEnumerable<int> themeIds, DateTime now)
    {
        RegionId = regionId;
        Status = ActivityStatus.Draft;
        CreatedAt = now;
        Apply(details);
        SetThemes(themeIds);
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public string? Venue { get; private set; }
    public int? HostPartnershipId { get; private set; }
    public int Capacity { get; private set; }
    public int? PartnershipCap { get; private set; }
    public DateTime BookingOpensAt { get; private set; }
    public DateTime BookingClosesAt { get; private set; }
    public BookingMode Mode { get; private set; }
    public DateTime? PriorityUntil { get; private set; }
    public int? MinimumNumber { get; private set; }
    public DateTime? MinimumCutoff { get; private set; }
    public ActivityStatus Status { get; private set; }
    public string? CancelReason { get; private set; }

    /// <summary>iCalendar SEQUENCE: goes up whenever attendees' calendars must change.</summary>
    public int Sequence { get; private set; }
    public int ConfirmedCount { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    public IReadOnlyList<ActivityTheme> Themes => _themes;
    public IReadOnlyList<CostLine> Costs => _costs;
    public IReadOnlyList<ActivityPriorityPartnership> PriorityPartnerships => _priorityPartnerships;
    public IReadOnlyList<Booking> Bookings => _bookings;

    public int PlacesLeft => Math.Max(0, Capacity - ConfirmedCount);
    public decimal TotalCost => _costs.Sum(c => c.Amount);

    /// <summary>A stable UID for calendar programs: the same event across every update.</summary>
    public string CalendarUid(string domain) => $"activity-{Id}@{domain}";

    // --- Scheduling ----------------------------------------------------------------------------

    /// <summary>
    /// Changes the details. When that frees places (more capacity, a higher partnership cap, or no more
    /// approval), the waiting list fills them at once; requests awaiting approval join the waiting list in
    /// the order they were made when approval is no longer needed. Needs every live booking loaded.
    /// </summary>
    public ActivityUpdate Update(ActivityDetails details, IEnumerable<int> themeIds, DateTime now)
    {
        if (Status is ActivityStatus.Cancelled or ActivityStatus.Completed)
        {
            throw new DomainException($"A {Status.ToString().ToLowerInvariant()} activity cannot be changed.");
        }
        if (details.Capacity < ConfirmedCount)
        {
            throw new DomainException($"Capacity cannot be less than the {ConfirmedCount} places already confirmed.");
        }
        EnsureNationalStaysShowcase(details.Kind);
        // Compared after Apply has trimmed the input, so a form sending back " Title " changes nothing.
        var calendarBefore = (StartsAt, EndsAt, Venue, Title, HostPartnershipId);
        var modeBefore = Mode;
        Apply(details);
        SetThemes(themeIds);
        var calendarChanged = calendarBefore != (StartsAt, EndsAt, Venue, Title, HostPartnershipId) && Status == ActivityStatus.Published;
        if (calendarChanged)
        {
            Sequence++;
        }
        // Left as requests, they would wait for a decision nobody makes any more while later bookers took places.
        var requests = modeBefore == BookingMode.Approval && Mode == BookingMode.FirstCome
            ? _bookings.Where(b => b.Status == BookingStatus.Requested).ToList()
            : [];
        foreach (var request in requests)
        {
            request.MoveTo(BookingStatus.Waitlisted, now);
        }
        var promoted = FillFromWaitingList(now);
        var changes = promoted.Select(p => requests.Contains(p.Booking) ? p with { Was = BookingStatus.Requested } : p)
            .Concat(requests.Where(r => r.Status == BookingStatus.Waitlisted).Select(r => new BookingChange(r, BookingStatus.Requested)))
            .ToList();
        return new ActivityUpdate(calendarChanged, changes);
    }

    public void SetThemes(IEnumerable<int> themeIds)
    {
        var ids = themeIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException("Choose at least one theme.");
        }
        _themes.RemoveAll(t => !ids.Contains(t.ThemeId));
        foreach (var id in ids.Where(id => _themes.All(t => t.ThemeId != id)))
        {
            _themes.Add(new ActivityTheme(id));
        }
    }

    public void SetPriorityPartnerships(IEnumerable<int> partnershipIds)
    {
        var ids = partnershipIds.Distinct().ToList();
        _priorityPartnerships.RemoveAll(p => !ids.Contains(p.PartnershipId));
        foreach (var id in ids.Where(id => _priorityPartnerships.All(p => p.PartnershipId != id)))
        {
            _priorityPartnerships.Add(new ActivityPriorityPartnership(id));
        }
    }

    public void SetCosts(IEnumerable<(CostCategory Category, string? Description, decimal Amount)> costs)
    {
        _costs.Clear();
        foreach (var (category, description, amount) in costs)
        {
            _costs.Add(new CostLine(category, description, amount));
        }
    }

    public void Publish(DateTime now)
    {
        if (Status != ActivityStatus.Draft)
        {
            throw new DomainException("Only a draft can be published.");
        }
        if (StartsAt <= now)
        {
            throw new DomainException("An activity that has already started cannot be published.");
        }
        Status = ActivityStatus.Published;
        PublishedAt = now;
    }

    /// <summary>Cancels the activity and every live booking. Returns the bookings whose people must be told.</summary>
    public IReadOnlyList<BookingChange> Cancel(string reason, DateTime now)
    {
        if (Status is ActivityStatus.Cancelled or ActivityStatus.Completed)
        {
            throw new DomainException($"This activity is already {Status.ToString().ToLowerInvariant()}.");
        }
        reason = Guard.Required(reason, "Reason");
        var changes = _bookings.Where(b => b.IsLive).Select(b => new BookingChange(b, b.Status)).ToList();
        foreach (var change in changes)
        {
            // Only a confirmed place was in the person's calendar; the reason tells the feed which to take out.
            change.Booking.MoveTo(BookingStatus.Cancelled, now, change.Was == BookingStatus.Confirmed
                ? Booking.ActivityCancelledReason
                : $"The activity was cancelled while {(change.Was == BookingStatus.Waitlisted ? "on the waiting list" : "awaiting approval")}");
        }
        ConfirmedCount = 0;
        Status = ActivityStatus.Cancelled;
        CancelReason = reason;
        Sequence++;
        return changes;
    }

    public void Complete(DateTime now)
    {
        if (Status != ActivityStatus.Published)
        {
            throw new DomainException("Only a published activity can be completed.");
        }
        if (EndsAt > now)
        {
            throw new DomainException("An activity can be completed only after it has ended.");
        }
        Status = ActivityStatus.Completed;
    }

    // --- Booking -------------------------------------------------------------------------------

    /// <summary>Why a booking cannot be made now, or null when it can.</summary>
    public string? WhyBookingIsClosed(DateTime now, int? partnershipId) =>
        WhyBookingIsClosed(now, keepsPriorityPlaces: _priorityPartnerships.Count > 0,
            partnershipHasPriority: partnershipId is not null && _priorityPartnerships.Any(p => p.PartnershipId == partnershipId));

    /// <summary>
    /// The same rule when a query has read whether the activity keeps places for some partnerships, and for the
    /// viewer's, rather than loading the list (the activity's page reads both with the activity).
    /// </summary>
    public string? WhyBookingIsClosed(DateTime now, bool keepsPriorityPlaces, bool partnershipHasPriority)
    {
        if (Status == ActivityStatus.Cancelled)
        {
            return "This activity has been cancelled.";
        }
        if (Status != ActivityStatus.Published)
        {
            return "This activity is not open for booking.";
        }
        if (now >= StartsAt)
        {
            return "This activity has already started.";
        }
        if (now < BookingOpensAt)
        {
            return $"Booking opens on {UkCalendar.DateTime(BookingOpensAt)}.";
        }
        if (now >= BookingClosesAt)
        {
            return "Booking has closed.";
        }
        if (IsPriorityWindow(now, keepsPriorityPlaces) && !partnershipHasPriority)
        {
            return $"Until {UkCalendar.Until(PriorityUntil!.Value)}, places are kept for partnerships with a high need in this activity's themes.";
        }
        return null;
    }

    public bool IsPriorityWindow(DateTime now) => IsPriorityWindow(now, keepsPriorityPlaces: _priorityPartnerships.Count > 0);

    /// <summary>Whether places are still kept for some partnerships, when a query has read whether the activity keeps any.</summary>
    public bool IsPriorityWindow(DateTime now, bool keepsPriorityPlaces) => PriorityUntil is { } until && now < until && keepsPriorityPlaces;

    /// <summary>
    /// Books a person (their own booking, or a coordinator booking them). Confirmed when a place is
    /// free within capacity and the partnership cap, waitlisted otherwise; a request when bookings
    /// need approval. Of the activity's live bookings, <see cref="Book"/> and <see cref="CancelBooking"/>
    /// look only at the person's own, the waiting list (a freed place goes to its first), and, when
    /// places per partnership are capped, the confirmed places (the cap counts them): those must be
    /// loaded; the rest need not be. <see cref="ConfirmedCount"/> counts the confirmed places.
    /// </summary>
    public Booking Book(string personId, int? partnershipId, DateTime now, bool byCoordinator = false, int? personRegionId = null)
    {
        var closed = WhyBookingIsClosed(now, partnershipId);
        if (closed is not null && !(byCoordinator && Status == ActivityStatus.Published && now < StartsAt))
        {
            throw new DomainException(closed);
        }
        if (_bookings.Any(b => b.PersonId == personId && b.IsLive))
        {
            throw new DomainException("This person already has a booking for this activity.");
        }
        var status = Mode == BookingMode.Approval && !byCoordinator ? BookingStatus.Requested
            : HasPlaceFor(partnershipId, personRegionId) ? BookingStatus.Confirmed
            : BookingStatus.Waitlisted;
        var booking = new Booking(this, personId, partnershipId, status, now, IsPriorityWindow(now), personRegionId);
        _bookings.Add(booking);
        if (status == BookingStatus.Confirmed)
        {
            ConfirmedCount++;
        }
        return booking;
    }

    /// <summary>
    /// Cancels a booking (by the person, or removed by a coordinator). A freed place goes at once to
    /// the first person waiting who fits the partnership cap; the promotions are returned. Needs the
    /// same bookings loaded as <see cref="Book"/>.
    /// </summary>
    public IReadOnlyList<BookingChange> CancelBooking(Booking booking, DateTime now, string? reason = null)
    {
        EnsureOwn(booking);
        if (!booking.IsLive)
        {
            throw new DomainException("This booking is already cancelled.");
        }
        var wasConfirmed = booking.Status == BookingStatus.Confirmed;
        booking.MoveTo(BookingStatus.Cancelled, now, reason);
        if (!wasConfirmed)
        {
            return [];
        }
        ConfirmedCount--;
        return FillFromWaitingList(now);
    }

    /// <summary>A coordinator approves a request: confirmed if a place is free, otherwise it joins the waiting list.</summary>
    public BookingStatus Approve(Booking booking, DateTime now)
    {
        EnsureOwn(booking);
        if (booking.Status != BookingStatus.Requested)
        {
            throw new DomainException("Only a request awaiting approval can be approved.");
        }
        if (HasPlaceFor(booking.PartnershipId, booking.RegionId))
        {
            booking.MoveTo(BookingStatus.Confirmed, now);
            ConfirmedCount++;
        }
        else
        {
            booking.MoveTo(BookingStatus.Waitlisted, now);
        }
        return booking.Status;
    }

    public void Decline(Booking booking, DateTime now, string reason)
    {
        EnsureOwn(booking);
        if (booking.Status != BookingStatus.Requested)
        {
            throw new DomainException("Only a request awaiting approval can be declined.");
        }
        booking.MoveTo(BookingStatus.Declined, now, Guard.Required(reason, "Reason"));
    }

    /// <summary>A coordinator moves a waiting person into a free place, out of turn.</summary>
    public void Promote(Booking booking, DateTime now)
    {
        EnsureOwn(booking);
        if (booking.Status != BookingStatus.Waitlisted)
        {
            throw new DomainException("Only someone on the waiting list can be promoted.");
        }
        if (ConfirmedCount >= Capacity)
        {
            throw new DomainException("There is no free place: raise the capacity or cancel a booking first.");
        }
        var why = WhyNoPlaceFor(booking.PartnershipId, booking.RegionId);
        if (why == WaitReason.RegionCap)
        {
            throw new DomainException($"Their region already has {RegionCapFor(booking.RegionId)} places on this national showcase, "
                + "the most its people may have: raise that region's cap or remove one of its places first.");
        }
        if (why == WaitReason.PartnershipCap)
        {
            // A place is free, so the cap is what holds them back: say so, not "full".
            throw new DomainException($"Their partnership already has {PartnershipCap} {(PartnershipCap == 1 ? "place" : "places")} on this activity, "
                + "the most one partnership may have: raise the places per partnership or remove one of that partnership's places first.");
        }
        booking.MoveTo(BookingStatus.Confirmed, now);
        ConfirmedCount++;
    }

    public void RecordAttendance(Booking booking, Attendance? attendance, DateTime now)
    {
        EnsureOwn(booking);
        if (booking.Status != BookingStatus.Confirmed)
        {
            throw new DomainException("Attendance is recorded for confirmed places only.");
        }
        if (now < StartsAt)
        {
            throw new DomainException("Attendance can be recorded once the activity has started.");
        }
        booking.RecordAttendance(attendance);
    }

    /// <summary>The waiting list, in the order people joined it.</summary>
    public IEnumerable<Booking> WaitingList => _bookings.Where(b => b.Status == BookingStatus.Waitlisted).OrderBy(b => b.CreatedAt).ThenBy(b => b.Id);

    /// <summary>
    /// Why someone of this partnership would wait rather than have a place now, or null when a place is
    /// free for them. The partnership cap is named first when it holds them back: a place freed by
    /// another partnership would not be theirs. Counts the confirmed places loaded (see <see cref="Book"/>).
    /// </summary>
    public WaitReason? WhyNoPlaceFor(int? partnershipId, int? personRegionId = null) =>
        WhyNoPlaceFor(RegionCapFor(personRegionId),
            personRegionId is null ? 0 : _bookings.Count(b => b.RegionId == personRegionId && b.Status == BookingStatus.Confirmed),
            partnershipId,
            partnershipId is null ? 0 : _bookings.Count(b => b.PartnershipId == partnershipId && b.Status == BookingStatus.Confirmed));

    /// <summary>
    /// The same rule from figures a query has read rather than from loaded bookings (the activity's page reads them with
    /// the activity): the cap on the person's region's places (<see cref="RegionCapFor"/>) and its confirmed places, and
    /// their partnership's confirmed places.
    /// </summary>
    public WaitReason? WhyNoPlaceFor(int? regionCap, int regionConfirmed, int? partnershipId, int partnershipConfirmed)
    {
        if (regionCap is { } cap && regionConfirmed >= cap)
        {
            return WaitReason.RegionCap;
        }
        if (PartnershipCap is { } partnershipCap && partnershipId is not null && partnershipConfirmed >= partnershipCap)
        {
            return WaitReason.PartnershipCap;
        }
        return ConfirmedCount < Capacity ? null : WaitReason.Full;
    }

    /// <summary>
    /// Gives every free place to the waiting list, in the order people joined it, passing over anyone
    /// whose partnership already has its cap. Every change that frees a place ends here, so a place is
    /// never free while someone who could have it waits, and nobody booking later can jump the queue.
    /// </summary>
    private List<BookingChange> FillFromWaitingList(DateTime now)
    {
        var promoted = new List<BookingChange>();
        foreach (var next in WaitingList.ToList())
        {
            if (ConfirmedCount >= Capacity)
            {
                break;
            }
            if (HasPlaceFor(next.PartnershipId, next.RegionId))
            {
                next.MoveTo(BookingStatus.Confirmed, now);
                ConfirmedCount++;
                promoted.Add(new BookingChange(next, BookingStatus.Waitlisted));
            }
        }
        return promoted;
    }

    private bool HasPlaceFor(int? partnershipId, int? personRegionId) => WhyNoPlaceFor(partnershipId, personRegionId) is null;

    private void EnsureOwn(Booking booking)
    {
        if (!ReferenceEquals(booking.Activity, this) && booking.ActivityId != Id)
        {
            throw new DomainException("That booking is for another activity.");
        }
    }

    // --- Origin: a practitioner's proposal (programme board) --------------------------------------

    /// <summary>The practitioners' proposal this activity was made from, when the programme board approved one.</summary>
    public int? ProposalId { get; private set; }

    /// <summary>Keeps the origin of a draft made from an approved proposal: "proposed by Sandwell, endorsed by 9 partnerships".</summary>
    public void CameFromProposal(int proposalId)
    {
        if (ProposalId is not null && ProposalId != proposalId)
        {
            throw new DomainException("This activity already came from another proposal.");
        }
        ProposalId = proposalId;
    }

    private void Apply(ActivityDetails d)
    {
        if (!Enum.IsDefined(d.Kind))
        {
            throw new DomainException("Choose the kind of activity.");
        }
        if (!Enum.IsDefined(d.Mode))
        {
            throw new DomainException("Choose how places are given.");
        }
        if (d.EndsAt <= d.StartsAt)
        {
            throw new DomainException("The end must be after the start.");
        }
        if (d.Capacity < 1)
        {
            throw new DomainException("Capacity must be at least 1.");
        }
        if (d.PartnershipCap is { } cap && (cap < 1 || cap > d.Capacity))
        {
            throw new DomainException("The places per partnership must be between 1 and the capacity.");
        }
        if (d.BookingClosesAt <= d.BookingOpensAt)
        {
            throw new DomainException("Booking must close after it opens.");
        }
        if (d.BookingClosesAt > d.StartsAt)
        {
            throw new DomainException("Booking must close by the time the activity starts.");
        }
        if (d.PriorityUntil is { } until && (until <= d.BookingOpensAt || until >= d.BookingClosesAt))
        {
            throw new DomainException("The priority window must end while booking is open.");
        }
        if (d.MinimumNumber is { } minimum && (minimum < 1 || minimum > d.Capacity))
        {
            throw new DomainException("The minimum number must be between 1 and the capacity.");
        }
        if (d.MinimumNumber is not null != d.MinimumCutoff is not null)
        {
            throw new DomainException("Give both a minimum number and its cut-off date, or neither.");
        }
        if (d.MinimumCutoff is { } cutoff && cutoff >= d.StartsAt)
        {
            throw new DomainException("The cut-off for the minimum number must be before the start.");
        }
        if (string.IsNullOrWhiteSpace(d.Venue) && d.HostPartnershipId is null)
        {
            throw new DomainException("Give a venue or a host partnership.");
        }
        Kind = d.Kind;
        Title = Guard.Required(d.Title, "Title");
        Description = d.Description?.Trim() ?? "";
        StartsAt = d.StartsAt;
        EndsAt = d.EndsAt;
        Venue = Guard.Optional(d.Venue);
        HostPartnershipId = d.HostPartnershipId;
        Capacity = d.Capacity;
        PartnershipCap = d.PartnershipCap;
        BookingOpensAt = d.BookingOpensAt;
        BookingClosesAt = d.BookingClosesAt;
        Mode = d.Mode;
        PriorityUntil = d.PriorityUntil;
        MinimumNumber = d.MinimumNumber;
        MinimumCutoff = d.MinimumCutoff;
    }
}
