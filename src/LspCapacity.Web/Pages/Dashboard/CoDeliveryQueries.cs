using System.Linq.Expressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// "Collaborative in approach": how much of a region's programme LSPs co-deliver, and what its people
/// take from the national showcases. A national showcase's places count in the region of the person
/// who booked (<see cref="Booking.RegionId"/>), so every region's figures count its own people.
/// </summary>
public static class CoDeliveryQueries
{
    public const string CoDeliveredRule = "Co-delivered: a published or completed activity with at least one partnership named as its host, co-deliverer or presenter.";
    public const string NationalRule = "National showcases: places count in the region of the person who booked them, whichever region organises the showcase.";

    /// <summary>A booking counts for the region: its activity's region, or for a national showcase the booker's.</summary>
    public static Expression<Func<Booking, bool>> CountsFor(int regionId) =>
        b => b.Activity!.IsNational ? b.RegionId == regionId : b.Activity.RegionId == regionId;

    public sealed record Collaboration(int Activities, int CoDelivered, int Partnerships, int NationalShowcases, int NationalPlaces)
    {
        public double? CoDeliveredShare => Figures.Rate(CoDelivered, Activities);
    }

    /// <summary>The region's published and completed activities, how many LSPs co-delivered, and its people's places at national showcases.</summary>
    public static async Task<Collaboration> CollaborationAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var counted = db.Activities.AsNoTracking()
            .Where(a => a.RegionId == regionId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed));
        var totals = await counted.GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), CoDelivered = g.Count(a => a.Contributors.Any()) })
            .FirstOrDefaultAsync(cancellationToken);
        var partnerships = await counted.SelectMany(a => a.Contributors).Select(c => c.PartnershipId).Distinct().CountAsync(cancellationToken);
        var national = await db.Activities.AsNoTracking()
            .CountAsync(a => a.IsNational && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed), cancellationToken);
        var places = await db.Bookings.AsNoTracking()
            .CountAsync(b => b.RegionId == regionId && b.Status == BookingStatus.Confirmed && b.Activity!.IsNational
                && (b.Activity.Status == ActivityStatus.Published || b.Activity.Status == ActivityStatus.Completed), cancellationToken);
        return new Collaboration(totals?.All ?? 0, totals?.CoDelivered ?? 0, partnerships, national, places);
    }

    /// <summary>For each partnership of the region, the published or completed activities it helped to deliver (in any role, counted once each).</summary>
    public static async Task<IReadOnlyDictionary<int, int>> CoDeliveredPerPartnershipAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        await db.ActivityContributors.AsNoTracking()
            .Where(c => db.Partnerships.Any(p => p.Id == c.PartnershipId && p.RegionId == regionId))
            .Join(db.Activities.Where(a => a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed),
                c => c.ActivityId, a => a.Id, (c, a) => new { c.PartnershipId, ActivityId = a.Id })
            .Distinct()
            .GroupBy(x => x.PartnershipId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
}
