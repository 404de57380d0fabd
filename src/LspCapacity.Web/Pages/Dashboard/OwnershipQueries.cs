using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// "Developed and owned by practitioners": how much of a region's programme came from practitioners' proposals, how
/// many partnerships took part in deciding it, what the programme board decided and how quickly. Four queries for a region.
/// </summary>
public static class OwnershipQueries
{
    public const string Rule = "Counted: published and completed activities; partnerships that proposed, endorsed a proposal or have a member on the board; decisions recorded at board meetings; days from a proposal to its final decision (approved, merged or declined).";

    public sealed record Ownership(int Activities, int FromProposals, int Proposing, int Endorsing, int OnBoard, int Involved,
        IReadOnlyList<(DecisionOutcome Outcome, int Count)> Decisions, double? MedianDaysToDecision)
    {
        public double? FromProposalsShare => Figures.Rate(FromProposals, Activities);
        public int DecisionCount => Decisions.Sum(d => d.Count);

        /// <summary>The share co-delivered by LSPs (<see cref="CoDeliveryQueries"/>), shown beside these figures.</summary>
        public CoDeliveryQueries.Collaboration? CoDelivery { get; init; }
    }

    private const int Proposed = 1;
    private const int Endorsed = 2;
    private const int Board = 3;

    /// <summary>
    /// The figures, worked out once per <see cref="DataScopes.Programme"/> version: every change they read (activities published
    /// or cancelled and their origin, proposals, endorsements, the board, its members' partnerships, its decisions) moves it.
    /// </summary>
    public static Task<Ownership> OwnershipAsync(AppDbContext db, FiguresCache cache, int regionId, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(db, DataScopes.Programme, $"ownership:{regionId}", ct => OwnershipAsync(db, regionId, ct), cancellationToken);

    public static async Task<Ownership> OwnershipAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var totals = await db.Activities.AsNoTracking()
            .Where(a => a.RegionId == regionId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed))
            .GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), FromProposals = g.Count(a => a.ProposalId != null) })
            .FirstOrDefaultAsync(cancellationToken);
        // One round trip: each partnership with the ways it took part.
        var proposals = db.Proposals.Where(p => p.RegionId == regionId);
        var parts = await proposals.Select(p => new { Part = Proposed, p.PartnershipId })
            .Union(db.ProposalEndorsements.Where(e => proposals.Any(p => p.Id == e.ProposalId)).Select(e => new { Part = Endorsed, e.PartnershipId }))
            .Union(db.BoardMembers.Where(m => m.RegionId == regionId)
                .Join(db.Users.Where(u => u.PartnershipId != null), m => m.UserId, u => u.Id, (m, u) => new { Part = Board, PartnershipId = u.PartnershipId!.Value }))
            .ToListAsync(cancellationToken);
        var decisions = await db.BoardDecisions.AsNoTracking()
            .Where(d => db.BoardMeetings.Any(m => m.Id == d.MeetingId && m.RegionId == regionId))
            .GroupBy(d => d.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var decided = await proposals.AsNoTracking().Where(p => p.DecidedAt != null)
            .Select(p => new { p.CreatedAt, DecidedAt = p.DecidedAt!.Value })
            .ToListAsync(cancellationToken);
        return new Ownership(totals?.All ?? 0, totals?.FromProposals ?? 0,
            parts.Count(p => p.Part == Proposed), parts.Count(p => p.Part == Endorsed), parts.Count(p => p.Part == Board),
            parts.Select(p => p.PartnershipId).Distinct().Count(),
            decisions.OrderBy(d => d.Outcome).Select(d => (d.Outcome, d.Count)).ToList(),
            Median(decided.Select(d => (d.DecidedAt - d.CreatedAt).TotalDays).ToList()));
    }

    /// <summary>The median of whole days (a decision the same day counts 0), null for none.</summary>
    public static double? Median(IReadOnlyList<double> days)
    {
        if (days.Count == 0)
        {
            return null;
        }
        var sorted = days.Select(Math.Floor).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
