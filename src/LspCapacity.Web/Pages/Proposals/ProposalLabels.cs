using LspCapacity.Web.Domain.Proposals;

namespace LspCapacity.Web.Pages.Proposals;

/// <summary>What the proposal pages call kinds, statuses, offers and endorsements, in plain words.</summary>
public static class ProposalLabels
{
    public static string Kind(ProposalKind kind) => kind switch
    {
        ProposalKind.Seminar => "Seminar",
        ProposalKind.Workshop => "Workshop",
        ProposalKind.StudyVisit => "Study visit",
        ProposalKind.Showcase => "Best-practice showcase",
        ProposalKind.PeerLearningSet => "Peer learning set",
        ProposalKind.BespokeSupport => "Bespoke support",
        _ => kind.ToString(),
    };

    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.Open => "Open",
        ProposalStatus.OnAgenda => "On the board's agenda",
        ProposalStatus.Approved => "Approved",
        ProposalStatus.Merged => "Merged",
        ProposalStatus.Deferred => "Deferred",
        ProposalStatus.Declined => "Declined",
        _ => status.ToString(),
    };

    public static string StatusTag(ProposalStatus status) => status switch
    {
        ProposalStatus.Open => "govuk-tag--blue",
        ProposalStatus.OnAgenda => "govuk-tag--purple",
        ProposalStatus.Approved => "govuk-tag--green",
        ProposalStatus.Deferred => "govuk-tag--yellow",
        ProposalStatus.Declined => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string HostOffer(HostOffer offer) => offer switch
    {
        Domain.Proposals.HostOffer.Host => "We offer to host it",
        Domain.Proposals.HostOffer.CoDeliver => "We offer to co-deliver it",
        _ => "No offer to host or co-deliver",
    };

    public static readonly IReadOnlyList<EndorsementKinds> EveryEndorsementKind =
        [EndorsementKinds.NeedThisToo, EndorsementKinds.WouldCome, EndorsementKinds.CanCoDeliver];

    public static string Endorsement(EndorsementKinds kind) => kind switch
    {
        EndorsementKinds.NeedThisToo => "We need this too",
        EndorsementKinds.WouldCome => "We would come",
        EndorsementKinds.CanCoDeliver => "We can co-deliver",
        _ => kind.ToString(),
    };

    /// <summary>"We need this too; we would come".</summary>
    public static string Endorsements(EndorsementKinds kinds)
    {
        var said = EveryEndorsementKind.Where(k => kinds.HasFlag(k)).Select(Endorsement).ToList();
        return said.Count == 0 ? "" : string.Join("; ", said.Take(1).Concat(said.Skip(1).Select(s => s.ToLowerInvariant())));
    }

    public static string Cost(decimal? cost) => cost is { } c ? c.ToString(c == decimal.Truncate(c) ? "C0" : "C2", Infrastructure.UkTime.Culture) : "Not given";
}
