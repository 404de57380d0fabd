using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// Brokered support in a programme's value for money (issue 20): what is committed and spent, cost per day by
/// provider and by kind of offer, providers' ratings. One query, grouped by provider, kind and status, merged in memory.
/// </summary>
public static class BrokeredQueries
{
    public const string CommittedRule = "Brokered work accepted but not delivered yet counts its committed cost (days × day rate).";
    public const string SpentRule = "Delivered brokered work counts its actual cost.";
    public const string CostPerDayRule =
        "Cost per day: the cost of the provider's (or kind's) brokered work, at the actual cost and days used once delivered and as committed until then, "
        + "divided by those days. Cancelled work is not counted.";
    public const string ProviderRatingRule = "Provider rating: the mean of the partnerships' ratings (1 to 5) of delivered work.";
    public const string NoProviderForActivities =
        "Activities are not linked to a provider, so cost per attended place is shown by kind of activity, and providers are compared by cost per day.";

    public sealed record Line(int OrganisationId, string Organisation, OfferKind Kind, CommitmentStatus Status, int Count, decimal Days, decimal Cost,
        int RatingSum, int Ratings);

    public sealed record ProviderValue(int OrganisationId, string Name, int Commitments, decimal Days, decimal Cost, int Ratings, double? AverageRating)
    {
        public decimal? CostPerDay => CostPerDayOf(Cost, Days);
    }

    public sealed record OfferKindValue(OfferKind Kind, int Commitments, decimal Days, decimal Cost)
    {
        public decimal? CostPerDay => CostPerDayOf(Cost, Days);
    }

    public sealed record BrokeredResult(decimal Committed, decimal Spent, decimal CommittedDays, decimal DeliveredDays,
        IReadOnlyList<ProviderValue> Providers, IReadOnlyList<OfferKindValue> Kinds)
    {
        public static BrokeredResult None { get; } = new(0, 0, 0, 0, [], []);
        public int Commitments => Providers.Sum(p => p.Commitments);
    }

    /// <summary>Cost divided by days, to the penny; null for no days.</summary>
    public static decimal? CostPerDayOf(decimal cost, decimal days) => days <= 0 ? null : FairShares.Penny(cost / days);

    public static async Task<BrokeredResult> BrokeredAsync(AppDbContext db, int? programmeId, CancellationToken cancellationToken)
    {
        if (programmeId is null)
        {
            return BrokeredResult.None;
        }
        var lines = await db.Commitments.AsNoTracking()
            .Where(c => c.ProgrammeId == programmeId && c.Status != CommitmentStatus.Cancelled)
            .Join(db.Offers, c => c.OfferId, o => o.Id, (c, o) => new { c, o.Kind })
            .Join(db.Organisations, x => x.c.OrganisationId, o => o.Id, (x, o) => new { x.c, x.Kind, o.Name })
            .GroupBy(x => new { x.c.OrganisationId, x.Name, x.Kind, x.c.Status })
            .Select(g => new Line(g.Key.OrganisationId, g.Key.Name, g.Key.Kind, g.Key.Status, g.Count(),
                g.Sum(x => x.c.Status == CommitmentStatus.Delivered ? x.c.DaysUsed ?? x.c.Days : x.c.Days),
                g.Sum(x => x.c.Status == CommitmentStatus.Delivered ? x.c.ActualCost ?? x.c.CommittedCost : x.c.CommittedCost),
                g.Sum(x => x.c.Rating ?? 0), g.Count(x => x.c.Rating != null)))
            .ToListAsync(cancellationToken);

        var providers = lines.GroupBy(l => (l.OrganisationId, l.Organisation))
            .Select(g =>
            {
                var ratings = g.Sum(l => l.Ratings);
                return new ProviderValue(g.Key.OrganisationId, g.Key.Organisation, g.Sum(l => l.Count), g.Sum(l => l.Days), g.Sum(l => l.Cost),
                    ratings, ratings == 0 ? null : (double)g.Sum(l => l.RatingSum) / ratings);
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.OrganisationId).ToList();
        var kinds = lines.GroupBy(l => l.Kind).OrderBy(g => g.Key)
            .Select(g => new OfferKindValue(g.Key, g.Sum(l => l.Count), g.Sum(l => l.Days), g.Sum(l => l.Cost))).ToList();
        var committed = lines.Where(l => l.Status == CommitmentStatus.Committed).ToList();
        var delivered = lines.Where(l => l.Status == CommitmentStatus.Delivered).ToList();
        return new BrokeredResult(committed.Sum(l => l.Cost), delivered.Sum(l => l.Cost), committed.Sum(l => l.Days), delivered.Sum(l => l.Days),
            providers, kinds);
    }

    public static string KindText(OfferKind kind) => kind switch
    {
        OfferKind.ExpertPeer => "Expert peer",
        _ => kind.ToString(),
    };
}
