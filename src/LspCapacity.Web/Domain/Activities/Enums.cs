namespace LspCapacity.Web.Domain.Activities;

public enum ActivityKind
{
    Seminar = 1,
    Workshop = 2,
    StudyVisit = 3,
    Showcase = 4,
}

public enum ActivityStatus
{
    Draft = 1,
    Published = 2,
    Completed = 3,
    Cancelled = 4,
}

public enum BookingMode
{
    /// <summary>Places go to whoever books first; a full activity waitlists.</summary>
    FirstCome = 1,

    /// <summary>Requests wait for a coordinator's decision and take no place until approved.</summary>
    Approval = 2,
}

public enum BookingStatus
{
    Confirmed = 1,
    Waitlisted = 2,

    /// <summary>Awaiting a coordinator's approval (approval mode).</summary>
    Requested = 3,
    Cancelled = 4,
    Declined = 5,
}

/// <summary>What keeps someone on the waiting list while others have places.</summary>
public enum WaitReason
{
    /// <summary>Every place is taken.</summary>
    Full = 1,

    /// <summary>Their partnership already has as many places as one partnership may have.</summary>
    PartnershipCap = 2,

    /// <summary>A national showcase: their region already has as many places as its people may have.</summary>
    RegionCap = 3,
}

public enum Attendance
{
    Attended = 1,
    NoShow = 2,
}

public enum CostCategory
{
    Venue = 1,
    Speakers = 2,
    Travel = 3,
    Other = 4,
}
