using LspCapacity.Web.Domain.Brokerage;

namespace LspCapacity.Tests.Domain.Brokerage;

public class ShortlistTests
{
    private const int Governance = 1;
    private const int Budgets = 2;
    private const int Evidence = 3;

    private static OfferCandidate Offer(int id, int[] themes, decimal? rate, decimal available = 20, decimal committed = 0, double? rating = null,
        int ratings = 0, bool declared = false) =>
        new(id, 100 + id, $"Organisation {id}", $"Offer {id}", OfferKind.Consultancy, themes, rate, available, committed, rating, ratings, declared);

    [Fact]
    public void Rank_PutsTheBestFitFirst_AndGivesEveryReason()
    {
        var ranked = Shortlist.Rank([Governance, Budgets], 3000,
            [Offer(1, [Evidence], 300), Offer(2, [Governance, Budgets], 500, rating: 4.5, ratings: 2), Offer(3, [Governance], 500)], "Fair share unknown.");

        Assert.Equal([2, 3, 1], ranked.Select(e => e.Offer.OfferId));
        Assert.Equal([1, 2, 3], ranked.Select(e => e.Rank));
        var best = ranked[0];
        Assert.Equal(["Theme fit", "Cost per day", "Past ratings", "Availability", "Fair share"], best.Reasons.Select(r => r.Heading));
        Assert.Equal("2 of 2 themes asked for.", best.Reasons[0].Text);
        Assert.Equal("£500 a day: the ceiling of £3,000 buys 6 days.", best.Reasons[1].Text);
        Assert.Equal("4.5 out of 5 from 2 delivered pieces of work.", best.Reasons[2].Text);
        Assert.Equal("20 of 20 days left.", best.Reasons[3].Text);
        Assert.Equal("Fair share unknown.", best.Reasons[4].Text);
        // No theme in common: listed last, not recommendable.
        Assert.False(ranked[2].Recommendable);
    }

    [Fact]
    public void Score_IsTheWeightedSumOfFitCostRatingAndAvailability()
    {
        // Offer 1: full fit (40), the cheapest (25), rated 5 (20), 10 days left (15) = 100.
        // Offer 2: half fit (20), twice the price (12.5), no ratings (0.5 × 20 = 10), 5 of 10 days (7.5) = 50.
        var ranked = Shortlist.Rank([Governance, Budgets], 10_000,
            [Offer(1, [Governance, Budgets], 400, available: 12, committed: 2, rating: 5, ratings: 1), Offer(2, [Governance], 800, available: 10, committed: 5)], "");
        Assert.Equal(100, ranked[0].Score);
        Assert.Equal(50, ranked[1].Score);
    }

    [Fact]
    public void Rank_PutsDeclaredAndFullyCommittedOffersLast_WhateverTheirScore()
    {
        var ranked = Shortlist.Rank([Governance], 5000,
            [Offer(1, [Governance], null, declared: true), Offer(2, [Governance], 100, available: 5, committed: 5), Offer(3, [Governance], 900)], "");
        Assert.Equal(3, ranked[0].Offer.OfferId);
        Assert.True(ranked[0].Recommendable);
        Assert.All(ranked.Skip(1), e => Assert.False(e.Recommendable));
        Assert.Contains(ranked.Single(e => e.Offer.OfferId == 1).Reasons, r => r.Heading == "Declared interest" && !r.Good);
        Assert.Equal("No days left: all 5 committed.", ranked.Single(e => e.Offer.OfferId == 2).Reasons.Single(r => r.Heading == "Availability").Text);
    }

    [Fact]
    public void CostReason_FreeOffers_AndRatesOverTheCeiling()
    {
        var ranked = Shortlist.Rank([Governance], 400, [Offer(1, [Governance], null), Offer(2, [Governance], 450)], "");
        Assert.Equal("Free.", ranked[0].Reasons[1].Text);
        Assert.Equal("£450 a day: over the ceiling of £400 for a single day.", ranked[1].Reasons[1].Text);
        Assert.False(ranked[1].Reasons[1].Good);
    }

    [Theory]
    [InlineData(3000, 500, 6.0)]
    [InlineData(1000, 300, 3.3)]
    [InlineData(100, 0, null)]
    public void DaysAffordable_IsTheCeilingOverTheDayRate_RoundedDown(double ceiling, double rate, double? expected) =>
        Assert.Equal(expected is null ? null : (decimal)expected.Value, Shortlist.DaysAffordable((decimal)ceiling, (decimal)rate));
}
