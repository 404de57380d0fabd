using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;

namespace LspCapacity.Tests.Domain.Brokerage;

/// <summary>
/// Fair shares of a £10,000 budget between three partnerships, worked by hand:
///   A: NRF, 2 high-need themes, 1 medium, received £1,000
///   B: not NRF, 0 high, 2 medium, received £3,000
///   C: not NRF, 1 high, 0 medium, received nothing
/// Support given so far: £4,000.
/// </summary>
public class FairShareCalculationTests
{
    private static readonly FairShareInput[] Partnerships =
    [
        new(1, ReceivesNrf: true, HighNeedThemes: 2, MediumNeedThemes: 1, Received: 1000m),
        new(2, ReceivesNrf: false, HighNeedThemes: 0, MediumNeedThemes: 2, Received: 3000m),
        new(3, ReceivesNrf: false, HighNeedThemes: 1, MediumNeedThemes: 0, Received: 0m),
    ];

    [Fact]
    public void Equal_DividesTheBudgetByThePartnerships()
    {
        var rule = new FairShareRule(FairShareBasis.Equal, 1m, 0.5m, 50m, 50);

        var lines = FairShares.Calculate(rule, 10_000m, Partnerships);

        // 10,000 ÷ 3 = 3,333.33 each; gap = received − share.
        Assert.Equal([1m, 1m, 1m], lines.Select(l => l.Weight));
        Assert.Equal([3333.33m, 3333.33m, 3333.33m], lines.Select(l => l.Share));
        Assert.Equal([-2333.33m, -333.33m, -3333.33m], lines.Select(l => l.Gap));
        // Share of the £4,000 given so far: 1,333.33 each; far below under half of it (666.67): only C.
        Assert.Equal([1333.33m, 1333.33m, 1333.33m], lines.Select(l => l.ShareToDate));
        Assert.Equal([false, false, true], lines.Select(l => l.FarBelow));
    }

    [Fact]
    public void Weighted_ByNeedAndNrf_GivesTheNeediestMore()
    {
        var lines = FairShares.Calculate(FairShareRule.Default, 10_000m, Partnerships);

        // Weights: A (1 + 2×1 + 1×0.5) × 1.5 = 5.25; B 1 + 2×0.5 = 2; C 1 + 1 = 2; together 9.25.
        Assert.Equal([5.25m, 2m, 2m], lines.Select(l => l.Weight));
        // Shares: 10,000 × 5.25 ÷ 9.25 = 5,675.68; 10,000 × 2 ÷ 9.25 = 2,162.16.
        Assert.Equal([5675.68m, 2162.16m, 2162.16m], lines.Select(l => l.Share));
        Assert.Equal([-4675.68m, 837.84m, -2162.16m], lines.Select(l => l.Gap));
        // Of the £4,000 so far: A 2,270.27 (half is 1,135.14: A's £1,000 is far below), B and C 864.86.
        Assert.Equal([2270.27m, 864.86m, 864.86m], lines.Select(l => l.ShareToDate));
        Assert.Equal([true, false, true], lines.Select(l => l.FarBelow));
    }

    [Fact]
    public void NothingGivenYet_FlagsNobody()
    {
        var lines = FairShares.Calculate(FairShareRule.Default, 10_000m, Partnerships.Select(p => p with { Received = 0 }).ToList());

        Assert.All(lines, l => Assert.False(l.FarBelow));
        Assert.InRange(lines.Sum(l => -l.Gap), 9_999.98m, 10_000.02m); // the shares add up to the budget, give or take rounding
    }

    [Fact]
    public void NoPartnerships_NoBudget_NoShares()
    {
        Assert.Empty(FairShares.Calculate(FairShareRule.Default, 10_000m, []));
        var line = Assert.Single(FairShares.Calculate(FairShareRule.Default, 0m, [Partnerships[0]]));
        Assert.Equal(0m, line.Share);
    }

    [Fact]
    public void PlacementValue_IsHoursTimesTheHourlyValue_ToThePenny()
    {
        Assert.Equal(60m, FairShares.PlacementValue(90, 40m));
        Assert.Equal(11.67m, FairShares.PlacementValue(20, 35m)); // 20 minutes at £35 an hour = 11.666…
    }
}

public class FairShareRuleTests
{
    [Theory]
    [InlineData(-1, 0.5, 50, 50, "The weight of a high-need theme cannot be negative.")]
    [InlineData(1, -0.5, 50, 50, "The weight of a medium-need theme cannot be negative.")]
    [InlineData(101, 0.5, 50, 50, "The weight of a high-need theme must be 100 or less.")]
    [InlineData(1, 0.5, -10, 50, "The uplift for a Neighbourhood Renewal Fund area must be between 0 and 1000 per cent.")]
    [InlineData(1, 0.5, 50, 0, "“Far below” must be between 1 and 100 per cent of the share.")]
    [InlineData(1, 0.5, 50, 101, "“Far below” must be between 1 and 100 per cent of the share.")]
    public void BadValues_AreRefused(double high, double medium, double uplift, int farBelow, string message)
    {
        var e = Assert.Throws<DomainException>(() => new FairShareRule(FairShareBasis.Weighted, (decimal)high, (decimal)medium, (decimal)uplift, farBelow));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void UnknownBasis_IsRefused() =>
        Assert.Throws<DomainException>(() => new FairShareRule((FairShareBasis)9, 1m, 0.5m, 50m, 50));

    [Fact]
    public void Equal_WeighsEveryoneOne_WhateverTheirNeed()
    {
        var rule = new FairShareRule(FairShareBasis.Equal, 3m, 2m, 100m, 50);
        Assert.Equal(1m, rule.WeightOf(receivesNrf: true, highNeedThemes: 5, mediumNeedThemes: 2));
    }

    [Fact]
    public void Default_IsWeighted_OneHalfAndHalfAsMuchAgainForNrf()
    {
        var rule = FairShareRule.Default;
        Assert.Equal(FairShareBasis.Weighted, rule.Basis);
        Assert.Equal(6m, rule.WeightOf(receivesNrf: true, highNeedThemes: 3, mediumNeedThemes: 0)); // (1 + 3) × 1.5
        Assert.Equal(2m, rule.WeightOf(receivesNrf: false, highNeedThemes: 0, mediumNeedThemes: 2)); // 1 + 2 × 0.5
        Assert.Equal(50, rule.FarBelowPercent);
    }
}
