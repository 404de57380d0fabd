using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// Loads the region's register for a request and ranks it (<see cref="Shortlist.Rank"/>): the current programme's
/// offers covering the region, not withdrawn, of active organisations, with the days already committed, each
/// provider's past ratings and the broker's declared interests. Six queries whatever the register's size.
/// </summary>
public static class BrokerageShortlist
{
    /// <summary>How many ranked offers the page shows.</summary>
    public const int Shown = 20;

    public static async Task<IReadOnlyList<ShortlistEntry>> LoadAsync(AppDbContext db, BrokerageRequest request, string? brokerId,
        IFairSharePosition fairShare, DateOnly today, CancellationToken cancellationToken)
    {
        var programmeId = await BrokerageBudget.Current(db, request.RegionId, today).AsNoTracking().Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (programmeId is null)
        {
            return [];
        }
        var candidates = await CandidatesAsync(db, request.RegionId, programmeId.Value, brokerId, cancellationToken);
        var wanted = new List<int>();
        if (request.NeedThemeId is { } need)
        {
            wanted.Add(need);
        }
        if (request.ProjectId is { } projectId)
        {
            wanted.AddRange(await db.Projects.AsNoTracking().Where(p => p.Id == projectId).SelectMany(p => p.Themes).Select(t => t.ThemeId)
                .ToListAsync(cancellationToken));
        }
        var position = await fairShare.DescribeAsync(request.PartnershipId, cancellationToken);
        return Shortlist.Rank(wanted.Distinct().ToList(), request.BudgetCeiling, candidates, position).Take(Shown).ToList();
    }

    public static async Task<IReadOnlyList<OfferCandidate>> CandidatesAsync(AppDbContext db, int regionId, int programmeId, string? brokerId,
        CancellationToken cancellationToken, int? offerId = null)
    {
        var offers = await db.Offers.AsNoTracking()
            .Where(o => o.ProgrammeId == programmeId && !o.IsWithdrawn && o.Regions.Any(r => r.RegionId == regionId) && (offerId == null || o.Id == offerId))
            .Join(db.Organisations.Where(g => g.IsActive), o => o.OrganisationId, g => g.Id, (o, g) => new
            {
                o.Id, o.OrganisationId, Organisation = g.Name, o.Title, o.Kind, o.DayRate, o.DaysAvailable,
                Themes = o.Themes.Select(t => t.ThemeId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var offerIds = offers.Select(o => o.Id).ToList();
        var organisationIds = offers.Select(o => o.OrganisationId).Distinct().ToList();
        var committed = (await db.Commitments.AsNoTracking().Where(c => offerIds.Contains(c.OfferId) && c.Status != CommitmentStatus.Cancelled)
                .Select(c => new { c.OfferId, c.Days }).ToListAsync(cancellationToken))
            .GroupBy(c => c.OfferId).ToDictionary(g => g.Key, g => g.Sum(c => c.Days));
        var ratings = await db.Commitments.AsNoTracking().Where(c => organisationIds.Contains(c.OrganisationId) && c.Rating != null)
            .GroupBy(c => c.OrganisationId).Select(g => new { OrganisationId = g.Key, Average = g.Average(c => (double)c.Rating!.Value), Count = g.Count() })
            .ToDictionaryAsync(r => r.OrganisationId, cancellationToken);
        var declared = brokerId is null ? [] : await DeclaredAsync(db, brokerId, cancellationToken);
        return offers.Select(o => new OfferCandidate(o.Id, o.OrganisationId, o.Organisation, o.Title, o.Kind, o.Themes, o.DayRate, o.DaysAvailable,
            committed.GetValueOrDefault(o.Id), ratings.GetValueOrDefault(o.OrganisationId)?.Average, ratings.GetValueOrDefault(o.OrganisationId)?.Count ?? 0,
            declared.Contains(o.OrganisationId))).ToList();
    }

    public static async Task<HashSet<int>> DeclaredAsync(AppDbContext db, string brokerId, CancellationToken cancellationToken) =>
        (await db.BrokerInterests.AsNoTracking().Where(i => i.BrokerId == brokerId).Select(i => i.OrganisationId).ToListAsync(cancellationToken)).ToHashSet();
}
