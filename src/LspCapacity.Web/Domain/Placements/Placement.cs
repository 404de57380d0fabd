using LspCapacity.Web.Domain.Projects;

namespace LspCapacity.Web.Domain.Placements;

public enum PlacementKind
{
    Mentoring = 1,
    Coaching = 2,
    Shadowing = 3,
    Secondment = 4,
}

public enum PlacementStatus
{
    Proposed = 1,
    Active = 2,
    Completed = 3,
    EndedEarly = 4,
}

public enum SessionMode
{
    InPerson = 1,
    Phone = 2,
    Video = 3,
    ShadowingDay = 4,
}

/// <summary>
/// A development pairing: a mentor, coach or host, and a mentee from a partnership. Either member logs
/// sessions; a summary is for coordinators, private notes for the pair alone.
/// </summary>
public class Placement
{
    private readonly List<PlacementTheme> _themes = [];
    private readonly List<PlacementSession> _sessions = [];
    private readonly List<PlacementOutcome> _outcomes = [];

    private Placement() { }

    public Placement(int regionId, PlacementKind kind, string mentorId, string menteeId, int menteePartnershipId, string goals,
        DateOnly startsOn, DateOnly endsOn, IEnumerable<int> themeIds, int? requestId, string? hostOrganisation, string? timeCommitment)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose the kind of placement.");
        }
        if (mentorId == menteeId)
        {
            throw new DomainException("A person cannot be paired with themselves.");
        }
        if (endsOn <= startsOn)
        {
            throw new DomainException("The end date must be after the start date.");
        }
        if (kind == PlacementKind.Secondment && (string.IsNullOrWhiteSpace(hostOrganisation) || string.IsNullOrWhiteSpace(timeCommitment)))
        {
            throw new DomainException("A secondment needs its host organisation and time commitment.");
        }
        RegionId = regionId;
        Kind = kind;
        MentorId = mentorId;
        MenteeId = menteeId;
        MenteePartnershipId = menteePartnershipId;
        Goals = Guard.Required(goals, "Goals");
        StartsOn = startsOn;
        EndsOn = endsOn;
        RequestId = requestId;
        HostOrganisation = Guard.Optional(hostOrganisation);
        TimeCommitment = Guard.Optional(timeCommitment);
        Status = PlacementStatus.Active;
        foreach (var themeId in themeIds.Distinct())
        {
            _themes.Add(new PlacementTheme(themeId));
        }
        if (_themes.Count == 0)
        {
            throw new DomainException("Choose at least one theme.");
        }
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public PlacementKind Kind { get; private set; }
    public string MentorId { get; private set; } = "";
    public string MenteeId { get; private set; } = "";
    public int MenteePartnershipId { get; private set; }
    public int? RequestId { get; private set; }
    public string Goals { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string? HostOrganisation { get; private set; }
    public string? TimeCommitment { get; private set; }
    public PlacementStatus Status { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>The mentee's partnership's supported improvement project this placement serves, if any.</summary>
    public int? ProjectId { get; private set; }

    /// <summary>Names the supported project the placement serves (null: none); only an accepted project of the mentee's partnership.</summary>
    public void ServeProject(ProjectForSupport? project)
    {
        project?.CheckServes(MenteePartnershipId, "a placement");
        ProjectId = project?.Id;
    }

    /// <summary>A secondment: the secondee offer on the provider register it takes up (its home organisation and release terms).</summary>
    public int? SecondmentOfferId { get; private set; }

    /// <summary>
    /// Names the secondee offer a secondment takes up (null: none). Only a secondment takes one, and only an
    /// offer of kind secondee that is still on the register (the caller says whether it is).
    /// </summary>
    public void TakeUpSecondeeOffer(int? offerId, bool offerIsAvailableSecondee)
    {
        if (offerId is not null && Kind != PlacementKind.Secondment)
        {
            throw new DomainException("Only a secondment can take up a secondee offer.");
        }
        if (offerId is not null && !offerIsAvailableSecondee)
        {
            throw new DomainException("Select a secondee offer from the register's list.");
        }
        SecondmentOfferId = offerId;
    }

    public DateOnly? LastSessionOn { get; private set; }
    public IReadOnlyList<PlacementTheme> Themes => _themes;
    public IReadOnlyList<PlacementSession> Sessions => _sessions;
    public IReadOnlyList<PlacementOutcome> Outcomes => _outcomes;

    public bool IsMember(string personId) => personId == MentorId || personId == MenteeId;

    /// <summary>Planned: confirmed but not started yet, so neither active nor counted as support given.</summary>
    public bool IsPlannedOn(DateOnly today) => Status == PlacementStatus.Active && today < StartsOn;

    /// <summary>The pair members who have not recorded their outcomes yet.</summary>
    public IReadOnlyList<string> OutcomesStillToRecord() =>
        new[] { MentorId, MenteeId }.Where(id => _outcomes.All(o => o.PersonId != id)).ToList();

    public PlacementSession LogSession(string personId, DateOnly date, int durationMinutes, SessionMode mode, string summary,
        string? privateNotes, string? agreedActions, DateOnly today, DateTime now)
    {
        if (!IsMember(personId))
        {
            throw new DomainException("Only the pair can log a session on this placement.");
        }
        if (Status != PlacementStatus.Active)
        {
            throw new DomainException("Sessions can be logged only while the placement is active.");
        }
        if (durationMinutes is < 1 or > 24 * 60)
        {
            throw new DomainException("The duration must be between 1 minute and 24 hours.");
        }
        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("Choose how the session took place.");
        }
        if (date < StartsOn || date > today)
        {
            throw new DomainException("The session date must be between the placement's start and today.");
        }
        var session = new PlacementSession(personId, date, durationMinutes, mode, summary, privateNotes, agreedActions, now);
        _sessions.Add(session);
        if (LastSessionOn is null || date > LastSessionOn)
        {
            LastSessionOn = date;
        }
        return session;
    }

    /// <summary>Quiet: active, and no session for <paramref name="days"/> days (counting from the start when none yet).</summary>
    public bool IsQuietOn(DateOnly today, int days) =>
        Status == PlacementStatus.Active && (LastSessionOn ?? StartsOn).AddDays(days) <= today;

    public void Complete(DateOnly today)
    {
        if (Status != PlacementStatus.Active)
        {
            throw new DomainException("Only an active placement can be completed.");
        }
        if (today < EndsOn.AddDays(-30))
        {
            throw new DomainException("A placement can be completed in its last month; end it early instead.");
        }
        Status = PlacementStatus.Completed;
    }

    public void EndEarly(string reason)
    {
        if (Status != PlacementStatus.Active)
        {
            throw new DomainException("Only an active placement can be ended.");
        }
        EndReason = Guard.Required(reason, "Reason");
        Status = PlacementStatus.EndedEarly;
    }

    public void RecordOutcome(string personId, int goalsMet, string whatChanged, bool wouldRecommend, DateTime now)
    {
        if (!IsMember(personId))
        {
            throw new DomainException("Only the pair record outcomes.");
        }
        if (Status == PlacementStatus.Active && DateOnly.FromDateTime(now) < EndsOn.AddDays(-14))
        {
            throw new DomainException("Outcomes are recorded at the end of the placement.");
        }
        if (goalsMet is < 1 or > 5)
        {
            throw new DomainException("Rate how far the goals were met from 1 to 5.");
        }
        _outcomes.RemoveAll(o => o.PersonId == personId);
        _outcomes.Add(new PlacementOutcome(personId, goalsMet, Guard.Required(whatChanged, "What changed"), wouldRecommend, now));
    }
}

public class PlacementTheme
{
    private PlacementTheme() { }

    internal PlacementTheme(int themeId) => ThemeId = themeId;

    public int PlacementId { get; private set; }
    public int ThemeId { get; private set; }
}

public class PlacementSession
{
    private PlacementSession() { }

    internal PlacementSession(string loggedById, DateOnly date, int durationMinutes, SessionMode mode, string summary,
        string? privateNotes, string? agreedActions, DateTime now)
    {
        LoggedById = loggedById;
        Date = date;
        DurationMinutes = durationMinutes;
        Mode = mode;
        Summary = Guard.Required(summary, "Summary");
        PrivateNotes = Guard.Optional(privateNotes);
        AgreedActions = Guard.Optional(agreedActions);
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int PlacementId { get; private set; }
    public string LoggedById { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public int DurationMinutes { get; private set; }
    public SessionMode Mode { get; private set; }

    /// <summary>What coordinators may read.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>For the pair alone: never shown to coordinators, other mentors or in exports.</summary>
    public string? PrivateNotes { get; private set; }
    public string? AgreedActions { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

public class PlacementOutcome
{
    private PlacementOutcome() { }

    internal PlacementOutcome(string personId, int goalsMet, string whatChanged, bool wouldRecommend, DateTime now)
    {
        PersonId = personId;
        GoalsMet = goalsMet;
        WhatChanged = whatChanged;
        WouldRecommend = wouldRecommend;
        RecordedAt = now;
    }

    public int Id { get; private set; }
    public int PlacementId { get; private set; }
    public string PersonId { get; private set; } = "";
    public int GoalsMet { get; private set; }
    public string WhatChanged { get; private set; } = "";
    public bool WouldRecommend { get; private set; }
    public DateTime RecordedAt { get; private set; }
}
