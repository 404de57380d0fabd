using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Programme;

namespace LspCapacity.Tests.Domain.Brokerage;

public class BrokerageRequestTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private static BrokerageRequest Request(decimal ceiling = 3000) =>
        new(1, 2, "staff", 5, null, "Help with the board", Today.AddDays(30), ceiling, Today, Now);

    private static void Recommend(BrokerageRequest request, decimal days = 4, decimal rate = 500, int[]? declared = null, DateOnly? validUntil = null) =>
        request.Recommend("broker", 10, 20, "Westfield Consulting", days, rate, "Best fit", "Other: £600", validUntil ?? Today.AddDays(14),
            declared ?? [], 20, Today, Now);

    [Fact]
    public void New_WithNoNeedAndNoProject_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => new BrokerageRequest(1, 2, "staff", null, null, "Help", Today, 100, Today, Now));
        Assert.Equal("Choose the need or the improvement project the support is for.", e.Message);
    }

    [Fact]
    public void New_WithANegativeCeiling_IsRefused() =>
        Assert.Equal("The budget ceiling cannot be negative.",
            Assert.Throws<DomainException>(() => new BrokerageRequest(1, 2, "staff", 5, null, "Help", Today, -1, Today, Now)).Message);

    [Fact]
    public void Recommend_AnOrganisationTheBrokerDeclared_IsRefused()
    {
        var request = Request();
        var e = Assert.Throws<DomainException>(() => Recommend(request, declared: [20]));
        Assert.StartsWith("You declared an interest in Westfield Consulting", e.Message);
        Assert.Equal(BrokerageRequestStatus.Received, request.Status);
    }

    [Theory]
    [InlineData(0, 500, "The number of days must be more than 0.")]
    [InlineData(4, -1, "The day rate cannot be negative.")]
    [InlineData(21, 10, "The offer has 20 days left this programme year: recommend 20 days or fewer.")]
    [InlineData(7, 500, "7 days at £500 cost £3,500, over the partnership's ceiling of £3,000.")]
    public void Recommend_BadTerms_AreRefusedClearly(double days, double rate, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => Recommend(Request(), (decimal)days, (decimal)rate)).Message);

    [Fact]
    public void Accept_AnExpiredRecommendation_IsRefused()
    {
        var request = Request();
        Recommend(request, validUntil: Today);
        var e = Assert.Throws<DomainException>(() => request.Accept("staff", Today.AddDays(1), Now));
        Assert.Equal("The recommendation expired on 6 December 2026: ask the broker again for a fresh one.", e.Message);
        request.Accept("staff", Today, Now);
        Assert.Equal(BrokerageRequestStatus.Accepted, request.Status);
    }

    [Fact]
    public void AskAgain_SendsItBackToTheBroker_WhoMayRecommendAgain()
    {
        var request = Request();
        Recommend(request);
        request.AskAgain("staff", "Too dear", Now);
        Assert.Equal(BrokerageRequestStatus.AskedAgain, request.Status);
        Assert.Equal("Too dear", request.AskedAgainReason);
        Recommend(request, days: 2);
        Assert.Equal(BrokerageRequestStatus.Recommended, request.Status);
        Assert.Equal(1000, request.RecommendedCost);
    }

    [Fact]
    public void Lifecycle_AcceptDeliverRate()
    {
        var request = Request();
        Recommend(request);
        request.Accept("staff", Today, Now);
        var commitment = new Commitment(1, 1, 2, 20, 10, 4, 500, Now, requestId: 7);
        Assert.Equal(2000, commitment.CommittedCost);
        Assert.Equal(-400, commitment.Deliver(Today, 3.5m, 1600, Today));
        Assert.Equal(1600, commitment.Cost);
        request.MarkDelivered(Now);
        Assert.Throws<DomainException>(() => commitment.Rate(6, null));
        commitment.Rate(5, "Great");
        request.MarkRated(Now);
        Assert.Equal(BrokerageRequestStatus.Rated, request.Status);
        Assert.Equal("The work has already been rated.", Assert.Throws<DomainException>(() => commitment.Rate(4, null)).Message);
        Assert.Throws<DomainException>(() => request.Withdraw(Now));
    }

    [Fact]
    public void Commitment_ZeroDays_AndDeliveryRules()
    {
        Assert.Equal("The number of days must be more than 0.", Assert.Throws<DomainException>(() => new Commitment(1, 1, 2, 3, 4, 0, 500, Now)).Message);
        var commitment = new Commitment(1, 1, 2, 3, 4, 2, 500, Now);
        Assert.Equal("The days used must be more than 0.", Assert.Throws<DomainException>(() => commitment.Deliver(Today, 0, 10, Today)).Message);
        Assert.Equal("The delivery date cannot be in the future.", Assert.Throws<DomainException>(() => commitment.Deliver(Today.AddDays(1), 1, 10, Today)).Message);
        Assert.Equal(-1000, commitment.Cancel());
        Assert.Equal(0, commitment.Cost);
    }

    [Fact]
    public void Programme_CommitBrokered_NeverPassesTheBudget()
    {
        var programme = new Programme(1, "WM", "Aim", Today, Today.AddYears(1), 10_000);
        programme.CommitBrokered(6000, activityCosts: 1000);
        var e = Assert.Throws<DomainException>(() => programme.CommitBrokered(3001, activityCosts: 1000));
        Assert.Equal("The programme cannot afford this work: it costs £3,001 and £3,000 of the £10,000 budget is left.", e.Message);
        programme.CommitBrokered(3000, activityCosts: 1000);
        Assert.Equal(9000, programme.BrokeredTotal);
        programme.AdjustBrokered(-500);
        Assert.Equal(8500, programme.BrokeredTotal);
    }

    [Fact]
    public void BudgetPosition_HandWorked()
    {
        // Budget £10,000; activities £1,250; committed 4 days × £500 = £2,000; delivered 5 days for £2,600 (committed £3,000); a cancelled £900.
        var position = BudgetPosition.From(10_000, 1250,
            [(CommitmentStatus.Committed, 2000m), (CommitmentStatus.Delivered, 2600m), (CommitmentStatus.Cancelled, 0m)]);
        Assert.Equal(2000, position.BrokeredCommitted);
        Assert.Equal(2600, position.BrokeredSpent);
        Assert.Equal(4150, position.Remaining);
        Assert.Equal(520, BudgetPosition.CostPerDay(2600, 5));
        Assert.Null(BudgetPosition.CostPerDay(null, 5));
        Assert.Equal(333.33m, BudgetPosition.CostPerDay(1000, 3));
    }
}
