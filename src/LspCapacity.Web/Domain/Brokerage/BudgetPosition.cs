namespace LspCapacity.Web.Domain.Brokerage;

/// <summary>
/// A programme's budget as brokerage sees it: the activities' costs (published and completed, as the
/// dashboard counts them), brokered work committed (accepted, not yet delivered) and spent (delivered, at
/// its actual cost), and what is left.
/// </summary>
public sealed record BudgetPosition(decimal Budget, decimal ActivityCosts, decimal BrokeredCommitted, decimal BrokeredSpent)
{
    public decimal Remaining => Budget - ActivityCosts - BrokeredCommitted - BrokeredSpent;

    /// <summary>Works the brokered figures out from the commitments' statuses and costs.</summary>
    public static BudgetPosition From(decimal budget, decimal activityCosts, IEnumerable<(CommitmentStatus Status, decimal Cost)> commitments)
    {
        var list = commitments.ToList();
        return new BudgetPosition(budget, activityCosts,
            list.Where(c => c.Status == CommitmentStatus.Committed).Sum(c => c.Cost),
            list.Where(c => c.Status == CommitmentStatus.Delivered).Sum(c => c.Cost));
    }

    /// <summary>What a day of delivered work cost: the actual cost over the days used (null before delivery or with no days).</summary>
    public static decimal? CostPerDay(decimal? actualCost, decimal? daysUsed) =>
        actualCost is { } cost && daysUsed is > 0 ? Math.Round(cost / daysUsed.Value, 2) : null;
}
