using System.Linq.Expressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Infrastructure;
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

    /// <summary>
    /// The region's published and completed activities, how many LSPs co-delivered, and its people's places at national showcases.
    /// What changes only when activities are published, completed or cancelled or their co-deliverers change is kept per
    /// <see cref="DataScopes.Programme"/> version; the places at national showcases change with every booking, so they are counted afresh.
    /// </summary>
    public static async Task<Collaboration> CollaborationAsync(AppDbContext db, FiguresCache cache, int regionId, CancellationToken cancellationToken) =>
        await CollaborationAsync(db, cache, regionId, await NationalPlaces(db, regionId).CountAsync(cancellationToken), cancellationToken);

    /// <summary>As above, with the national places already counted (the dashboard counts them with its other figures).</summary>
    public static async Task<Collaboration> CollaborationAsync(AppDbContext db, FiguresCache cache, int regionId, int nationalPlaces,
        CancellationToken cancellationToken) =>
        (await cache.GetOrAddAsync(db, DataScopes.Programme, $"co-delivery:{regionId}", ct => DeliveredAsync(db, regionId, ct), cancellationToken))
        with { NationalPlaces = nationalPlaces };

    /// <summary>Everything but the national places (left at 0): one round trip.</summary>
    private static async Task<Collaboration> DeliveredAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var counted = db.Activities
            .Where(a => a.RegionId == regionId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed));
        var figures = await db.Regions.AsNoTracking().Where(r => r.Id == regionId)
            .Select(r => new
            {
                All = counted.Count(),
                CoDelivered = counted.Count(a => a.Contributors.Any()),
                Partnerships = counted.SelectMany(a => a.Contributors).Select(c => c.PartnershipId).Distinct().Count(),
                National = db.Activities.Count(a => a.IsNational && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed)),
            })
            .SingleAsync(cancellationToken);
        return new Collaboration(figures.All, figures.CoDelivered, figures.Partnerships, figures.National, 0);
    }

    /// <summary>
    /// The region's people's confirmed places at national showcases (to count). The showcases are found through the partial index
    /// of national activities (its condition is the bare <c>IsNational</c> term written here), and their places of the region
    /// through the bookings' (RegionId, Status, ActivityId) index, one search a showcase without reading a booking's row.
    /// </summary>
    public static IQueryable<Booking> NationalPlaces(AppDbContext db, int regionId) => Inline.Bind(NationalPlacesOf, db, regionId);

    /// <summary><see cref="NationalPlaces"/> as a rule, for a compiled query (<see cref="Inline"/>).</summary>
    public static readonly Expression<Func<AppDbContext, int, IQueryable<Booking>>> NationalPlacesOf = (db, regionId) =>
        db.Bookings.AsNoTracking()
            .Where(b => db.Activities
                    .Where(a => a.IsNational && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed))
                    .Select(a => a.Id)
                    .Contains(b.ActivityId)
                && b.RegionId == regionId && b.Status == BookingStatus.Confirmed);

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
