namespace LspCapacity.Web.Domain.Projects;

/// <summary>
/// What a booking, placement, peer review or case study needs to know of the project it names: whose it
/// is and whether the programme supports it. Support is for a project of the same partnership that has
/// been accepted into the programme (active); a case study may also come from one completed with results.
/// </summary>
public sealed record ProjectForSupport(int Id, int PartnershipId, string Title, bool Accepted, bool Completed)
{
    /// <summary>Refuses, with the reason, when this project cannot be served by support for <paramref name="partnershipId"/>.</summary>
    /// <param name="what">What is being linked, for the message: "a place", "a placement", "a peer review", "a case study".</param>
    public void CheckServes(int? partnershipId, string what, bool completedToo = false)
    {
        if (partnershipId != PartnershipId)
        {
            throw new DomainException($"“{Title}” is another partnership's project: {what} can serve only a project of its own partnership.");
        }
        if (!(Accepted || completedToo && Completed))
        {
            throw new DomainException(completedToo
                ? $"“{Title}” is not a supported project: choose one accepted into the programme, or completed with its results."
                : $"“{Title}” is not a supported project: choose one accepted into the programme and still active.");
        }
    }
}
