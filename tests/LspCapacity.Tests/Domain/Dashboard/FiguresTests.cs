using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Tests.Domain.Dashboard;

public class FillRateTests
{
    [Theory]
    [InlineData(2, 8, "25%")]
    [InlineData(1, 3, "33%")]
    [InlineData(2, 3, "67%")]
    [InlineData(1, 8, "13%")] // 12.5 rounds half away from zero
    [InlineData(10, 10, "100%")]
    public void Rate_IsPartOfWhole_AsAWholePercent(int part, int whole, string shown) =>
        Assert.Equal(shown, Figures.Percent(Figures.Rate(part, whole)));

    [Fact]
    public void Rate_OfNothing_IsUnknown_NotZero()
    {
        Assert.Null(Figures.Rate(0, 0));
        Assert.Equal("–", Figures.Percent(null));
    }
}

public class CostPerAttendedPlaceTests
{
    [Fact]
    public void TotalCost_DividedByPlacesAttended_ToThePenny() =>
        Assert.Equal(333.33m, Figures.CostPerAttendedPlace(1000m, 3));

    [Fact]
    public void RoundsToTheNearestPenny() => Assert.Equal(0.17m, Figures.CostPerAttendedPlace(0.5m, 3)); // 0.1666…

    [Fact]
    public void NobodyAttended_HasNoCostPerPlace() => Assert.Null(Figures.CostPerAttendedPlace(500m, 0));

    [Fact]
    public void Remaining_IsBudgetLessCommittedAndSpent() => Assert.Equal(48500m, Figures.Remaining(50000m, 500m, 1000m));

    [Fact]
    public void Money_IsInPounds() => Assert.Equal("£1,000.00", Figures.Money(1000m));
}

public class EquityFlagTests
{
    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(3, 1, 0, 4)]
    [InlineData(1, 0, 2, 3)]
    public void Engagements_CountPlacesAttended_Placements_AndReviews(int attended, int placements, int reviews, int engagements) =>
        Assert.Equal(engagements, Equity.Engagements(attended, placements, reviews));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void LowParticipation_IsFewerThanTwoEngagements(int engagements, bool low) =>
        Assert.Equal(low, Equity.IsLowParticipation(engagements));

    [Theory]
    [InlineData(NeedLevel.High, 1, true)]
    [InlineData(NeedLevel.High, 2, false)]
    [InlineData(NeedLevel.Medium, 0, false)]
    [InlineData(NeedLevel.Low, 0, false)]
    public void Flagged_WhenHighNeedMeetsLowParticipation(NeedLevel need, int engagements, bool flagged) =>
        Assert.Equal(flagged, Equity.IsFlagged(need, engagements));

    [Fact]
    public void NoKnownNeed_IsNeverFlagged() => Assert.False(Equity.IsFlagged(null, 0));

    [Fact]
    public void PartnershipNeed_IsItsHighestThemeNeed()
    {
        Assert.Equal(NeedLevel.High, Equity.HighestNeed([NeedLevel.Low, NeedLevel.High, NeedLevel.Medium]));
        Assert.Equal(NeedLevel.Medium, Equity.HighestNeed([NeedLevel.Low, NeedLevel.Medium]));
        Assert.Null(Equity.HighestNeed([]));
    }
}

public class SignedChangeTests
{
    [Theory]
    [InlineData(1.5, "+1.5")]
    [InlineData(-0.5, "−0.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(0.01, "0.0")]
    [InlineData(-0.04, "0.0")]
    public void Change_ShowsItsSign(double change, string shown) => Assert.Equal(shown, Figures.Signed(change));
}

public class BarChartTests
{
    [Fact]
    public void Description_ReadsOutEveryValue()
    {
        var chart = new BarChart("c", "Title", [new("Seminar", 333.33, "£333.33"), new("Workshop", 0, "–")]);
        Assert.Equal("Seminar: £333.33; Workshop: –.", chart.Description);
    }

    [Fact]
    public void Bars_AreProportional_AndNegativesGrowLeftOfZero()
    {
        var chart = new BarChart("c", "Title", [new("A", 2, "+2.0"), new("B", -0.5, "−0.5")]);
        var (ax, aw) = chart.Extent(chart.Bars[0]);
        var (bx, bw) = chart.Extent(chart.Bars[1]);
        Assert.Equal(chart.ZeroX, ax);
        Assert.Equal(4, aw / bw, 6);
        Assert.Equal(chart.ZeroX, bx + bw, 6);
        Assert.Equal(20, chart.ZeroX, 6); // per cent of the chart's width: the 0.5 below zero of a 2.5 span
        Assert.Equal(100, aw + bw, 6); // together the bars fill the width, and nothing is drawn past it
    }

    [Fact]
    public void AllZero_DrawsNoBars_WithoutDividingByZero()
    {
        var chart = new BarChart("c", "Title", [new("A", 0, "0%")]);
        Assert.Equal(0, chart.Extent(chart.Bars[0]).Width);
    }
}
