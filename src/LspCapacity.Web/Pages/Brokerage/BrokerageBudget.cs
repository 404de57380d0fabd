using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>The region's current programme and its budget as brokerage commits against it.</summary>
public static class BrokerageBudget
{
    /// <summary>The programme running today, else the latest to start (as the home page and dashboard choose it).</summary>
    public static IQueryable<Domain.Programme.Programme> Current(AppDbContext db, int regionId, DateOnly today) =>
        db.Programmes.Where(p => p.RegionId == regionId)
            .OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn);

    /// <summary>The costs of the region's published and completed activities: what the dashboard counts as committed and spent.</summary>
    public static async Task<decimal> ActivityCostsAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        (await db.Activities.AsNoTracking()
            .Where(a => a.RegionId == regionId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed))
            .SelectMany(a => a.Costs).Select(c => c.Amount).ToListAsync(cancellationToken)).Sum();

    public static async Task<(string Name, BudgetPosition Position)?> PositionAsync(AppDbContext db, int regionId, DateOnly today,
        CancellationToken cancellationToken)
    {
        var programme = await Current(db, regionId, today).AsNoTracking().Select(p => new { p.Id, p.Name, p.Budget }).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return null;
        }
        var commitments = (await db.Commitments.AsNoTracking().Where(c => c.ProgrammeId == programme.Id && c.Status != CommitmentStatus.Cancelled)
            .Select(c => new { c.Status, c.CommittedCost, c.ActualCost }).ToListAsync(cancellationToken))
            .Select(c => (c.Status, c.Status == CommitmentStatus.Delivered ? c.ActualCost ?? c.CommittedCost : c.CommittedCost));
        return (programme.Name, BudgetPosition.From(programme.Budget, await ActivityCostsAsync(db, regionId, cancellationToken), commitments));
    }
}
