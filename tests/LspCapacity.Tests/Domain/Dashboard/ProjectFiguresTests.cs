using LspCapacity.Web.Domain.Dashboard;

namespace LspCapacity.Tests.Domain.Dashboard;

public class ProjectFiguresTests
{
    [Theory]
    [InlineData(10, 20, 20, true)] // up to the target exactly
    [InlineData(10, 20, 25, true)]
    [InlineData(10, 20, 19.9, false)]
    [InlineData(40, 25, 25, true)] // a target below the baseline: down is better
    [InlineData(40, 25, 30, false)]
    [InlineData(40, 25, 12, true)]
    public void TargetMet_FollowsTheDirectionFromBaselineToTarget(double baseline, double target, double value, bool met) =>
        Assert.Equal(met, ProjectFigures.TargetMet((decimal)baseline, (decimal)target, (decimal)value));

    [Theory]
    [InlineData(10, 20, 15, 0.5)]
    [InlineData(40, 25, 31, 0.6)]
    [InlineData(10, 20, 5, -0.5)]
    [InlineData(10, 20, 30, 2.0)]
    public void Progress_IsTheShareOfTheWayFromBaselineToTarget(double baseline, double target, double value, double progress) =>
        Assert.Equal(progress, ProjectFigures.Progress((decimal)baseline, (decimal)target, (decimal)value)!.Value, 6);

    [Fact]
    public void Progress_WithNoDistanceToGo_IsUnknown() => Assert.Null(ProjectFigures.Progress(5, 5, 7));

    [Fact]
    public void IsQuiet_After30DaysWithoutAnUpdate_CountingFromAcceptanceWhenNone()
    {
        var today = new DateOnly(2026, 11, 25);
        Assert.True(ProjectFigures.IsQuiet(today.AddDays(-30), today.AddDays(-100), today));
        Assert.False(ProjectFigures.IsQuiet(today.AddDays(-29), today.AddDays(-100), today));
        Assert.True(ProjectFigures.IsQuiet(null, today.AddDays(-30), today));
        Assert.False(ProjectFigures.IsQuiet(null, today.AddDays(-10), today));
    }
}
