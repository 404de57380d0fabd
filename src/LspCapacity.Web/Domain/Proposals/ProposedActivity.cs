using LspCapacity.Web.Domain.Activities;

namespace LspCapacity.Web.Domain.Proposals;

/// <summary>
/// The draft activity an approved proposal becomes, prefilled from it for the coordinator to finish: its
/// kind (a peer learning set or bespoke support runs as a workshop), title, the need as the description,
/// its themes, the proposer's partnership as host when it offered to host, and default dates and places the
/// coordinator will edit before publishing.
/// </summary>
public static class ProposedActivity
{
    public const int DefaultCapacity = 30;

    /// <summary>How long after the decision the draft is first dated: time to plan, book a venue and publicise it.</summary>
    public const int WeeksAhead = 8;

    public static ActivityKind KindFor(ProposalKind kind) => kind switch
    {
        ProposalKind.Seminar => ActivityKind.Seminar,
        ProposalKind.StudyVisit => ActivityKind.StudyVisit,
        ProposalKind.Showcase => ActivityKind.Showcase,
        // A workshop is the nearest scheduled form of a peer learning set or bespoke support: a small group working on its own problems.
        _ => ActivityKind.Workshop,
    };

    public static Activity Draft(Proposal proposal, DateTime now)
    {
        if (proposal.Status != ProposalStatus.Approved)
        {
            throw new DomainException("Only an approved proposal becomes an activity.");
        }
        // A weekday eight weeks on, 10am to 4pm UK time; booking opens now and closes the day before.
        var day = DateOnly.FromDateTime(UkCalendar.ToUk(now)).AddDays(WeeksAhead * 7);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        var starts = UkCalendar.ToUtc(day.ToDateTime(new TimeOnly(10, 0)));
        var ends = UkCalendar.ToUtc(day.ToDateTime(new TimeOnly(16, 0)));
        var description = proposal.WhoWouldCome.Length > 0 && proposal.Need.Length + proposal.WhoWouldCome.Length < 3900
            ? $"{proposal.Need}\n\nWho it is for: {proposal.WhoWouldCome}"
            : proposal.Need;
        var details = new ActivityDetails(KindFor(proposal.Kind), proposal.Title, description, starts, ends, null,
            proposal.HostOffer == HostOffer.Host ? proposal.PartnershipId : null, DefaultCapacity, null,
            now, UkCalendar.ToUtc(day.AddDays(-1).ToDateTime(new TimeOnly(17, 0))), BookingMode.FirstCome, null, null, null);
        var activity = new Activity(proposal.RegionId, details, proposal.Themes.Select(t => t.ThemeId), now);
        activity.CameFromProposal(proposal.Id);
        return activity;
    }
}
