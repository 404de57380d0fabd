using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// The broker's shortlist's fair-share reason: where the requesting partnership stands against its fair
/// share of the support given so far in its region's current programme (<see cref="FairShareQueries"/>).
/// </summary>
public sealed class FairShareReason(AppDbContext db, FairShareQueries fairShares, TimeProvider clock) : IFairSharePosition
{
    public async Task<string> DescribeAsync(int partnershipId, CancellationToken cancellationToken)
    {
        var regionId = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => (int?)p.RegionId)
            .SingleOrDefaultAsync(cancellationToken);
        if (regionId is null)
        {
            return "The partnership's fair-share position is unknown.";
        }
        var result = await fairShares.ForRegionAsync(regionId.Value, UkTime.Today(clock), cancellationToken);
        if (result.Positions.FirstOrDefault(p => p.PartnershipId == partnershipId) is not { } position)
        {
            return "The partnership has no fair share in the current programme.";
        }
        return position.FarBelow
            ? $"Far below its fair share: it has received £{position.Received:#,0} of support, against £{position.ShareToDate:#,0} as its share of what has been given so far."
            : $"It has received £{position.Received:#,0} of support, against £{position.ShareToDate:#,0} as its share of what has been given so far.";
    }
}
