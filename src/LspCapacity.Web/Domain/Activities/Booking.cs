using LspCapacity.Web.Domain.Projects;

namespace LspCapacity.Web.Domain.Activities;

/// <summary>A person's place (or place in the queue) on an activity. Changed only through <see cref="Activity"/>.</summary>
public class Booking
{
    private Booking() { }

    internal Booking(Activity activity, string personId, int? partnershipId, BookingStatus status, DateTime now, bool priority, int? regionId = null)
    {
        RegionId = regionId;
        Activity = activity;
        PersonId = personId;
        PartnershipId = partnershipId;
        Status = status;
        CreatedAt = now;
        StatusChangedAt = now;
        BookedInPriorityWindow = priority;
    }

    /// <summary>
    /// Why a confirmed place ended when its activity was cancelled. The calendar feed keeps these (as
    /// cancelled events, so calendars take them out); a request or a waiting place never was in it.
    /// </summary>
    public const string ActivityCancelledReason = "The activity was cancelled";

    public int Id { get; private set; }
    public int ActivityId { get; private set; }
    public Activity? Activity { get; private set; }
    public string PersonId { get; private set; } = "";
    public int? PartnershipId { get; private set; }

    /// <summary>The person's home region when they booked: a national showcase's per-region caps and every region's figures count by it.</summary>
    public int? RegionId { get; private set; }
    public BookingStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime StatusChangedAt { get; private set; }
    public bool BookedInPriorityWindow { get; private set; }
    public string? CancelReason { get; private set; }
    public Attendance? Attendance { get; private set; }
    public DateTime? FeedbackRequestedAt { get; private set; }

    /// <summary>The partnership's supported improvement project this place is for, if any (chosen when booking or later).</summary>
    public int? ProjectId { get; private set; }

    /// <summary>Confirmed, waiting or awaiting approval: the person still expects something.</summary>
    public bool IsLive => Status is BookingStatus.Confirmed or BookingStatus.Waitlisted or BookingStatus.Requested;

    internal void MoveTo(BookingStatus status, DateTime now, string? reason = null)
    {
        Status = status;
        StatusChangedAt = now;
        CancelReason = reason;
    }

    internal void RecordAttendance(Attendance? attendance) => Attendance = attendance;

    /// <summary>Feedback is for people who attended, once the activity has ended (until then they are still in it).</summary>
    public static bool CanGiveFeedback(BookingStatus status, Attendance? attendance, DateTime activityEndsAt, DateTime now) =>
        status == BookingStatus.Confirmed && attendance == Activities.Attendance.Attended && activityEndsAt <= now;

    /// <summary>Attended, but the activity has not ended yet: feedback opens when it does.</summary>
    public static bool FeedbackOpensLater(BookingStatus status, Attendance? attendance, DateTime activityEndsAt, DateTime now) =>
        status == BookingStatus.Confirmed && attendance == Activities.Attendance.Attended && activityEndsAt > now;

    public void MarkFeedbackRequested(DateTime now) => FeedbackRequestedAt ??= now;

    /// <summary>Names the supported project this place is for (null: none); only an accepted project of the booking's partnership.</summary>
    public void ServeProject(ProjectForSupport? project)
    {
        project?.CheckServes(PartnershipId, "a place");
        ProjectId = project?.Id;
    }
}

/// <summary>What an attendee thought of an activity, and what they will apply locally.</summary>
public class Feedback
{
    private Feedback() { }

    public Feedback(int bookingId, int usefulness, int quality, string applyLocally, string? comments, DateTime now)
    {
        if (usefulness is < 1 or > 5 || quality is < 1 or > 5)
        {
            throw new DomainException("Ratings go from 1 to 5.");
        }
        BookingId = bookingId;
        Usefulness = usefulness;
        Quality = quality;
        ApplyLocally = Guard.Required(applyLocally, "What you will apply locally");
        Comments = Guard.Optional(comments);
        SubmittedAt = now;
    }

    public int Id { get; private set; }
    public int BookingId { get; private set; }
    public int Usefulness { get; private set; }
    public int Quality { get; private set; }
    public string ApplyLocally { get; private set; } = "";
    public string? Comments { get; private set; }
    public DateTime SubmittedAt { get; private set; }
}

public class CostLine
{
    private CostLine() { }

    internal CostLine(CostCategory category, string? description, decimal amount)
    {
        if (!Enum.IsDefined(category))
        {
            throw new DomainException("Choose what the cost is for.");
        }
        if (amount < 0)
        {
            throw new DomainException("A cost cannot be negative.");
        }
        Category = category;
        Description = Guard.Optional(description);
        Amount = amount;
    }

    public int Id { get; private set; }
    public int ActivityId { get; private set; }
    public CostCategory Category { get; private set; }
    public string? Description { get; private set; }
    public decimal Amount { get; private set; }
}

public class ActivityTheme
{
    private ActivityTheme() { }

    internal ActivityTheme(int themeId) => ThemeId = themeId;

    public int ActivityId { get; private set; }
    public int ThemeId { get; private set; }
}

/// <summary>A partnership allowed to book during the priority window.</summary>
public class ActivityPriorityPartnership
{
    private ActivityPriorityPartnership() { }

    internal ActivityPriorityPartnership(int partnershipId) => PartnershipId = partnershipId;

    public int ActivityId { get; private set; }
    public int PartnershipId { get; private set; }
}
