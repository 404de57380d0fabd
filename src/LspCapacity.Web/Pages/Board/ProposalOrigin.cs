using LspCapacity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Board;

/// <summary>
/// Where an activity came from when the programme board approved a practitioners' proposal: "Proposed by
/// Sandwell, endorsed by 9 partnerships". Shown on the activity's details and edit pages (_ProposalOrigin).
/// </summary>
public sealed record ProposalOrigin(int ProposalId, string Partnership, int EndorsingPartnerships)
{
    public string Text => $"Proposed by {Partnership}, endorsed by {BoardText.Partnerships(EndorsingPartnerships)}";

    /// <summary>One query: the activity's proposal, its partnership's name and its endorsing partnerships; null for an activity a coordinator made.</summary>
    public static Task<ProposalOrigin?> ForActivityAsync(AppDbContext db, int activityId, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking().Where(a => a.Id == activityId && a.ProposalId != null)
            .Join(db.Proposals, a => a.ProposalId, p => p.Id, (a, p) => p)
            .Select(p => new ProposalOrigin(p.Id, db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(),
                db.ProposalEndorsements.Where(e => e.ProposalId == p.Id).Select(e => e.PartnershipId).Distinct().Count()))
            .SingleOrDefaultAsync(cancellationToken);
}
