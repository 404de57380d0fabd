using LspCapacity.Tests.Support;
using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Tests.Domain;

/// <summary>Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.</summary>
public class UkTimeConversionTests
{
    [Theory]
    [InlineData("2026-03-29T00:59:00", "2026-03-29T00:59:00")] // last minute of GMT
    [InlineData("2026-03-29T01:00:00", "2026-03-29T02:00:00")] // first minute of BST
    [InlineData("2026-07-01T12:00:00", "2026-07-01T13:00:00")]
    [InlineData("2026-10-25T00:59:00", "2026-10-25T01:59:00")] // last minute of BST
    [InlineData("2026-10-25T01:00:00", "2026-10-25T01:00:00")] // first minute of GMT again
    [InlineData("2026-11-25T14:30:00", "2026-11-25T14:30:00")]
    public void ToUk_EitherSideOfTheClockChanges_AddsAnHourOnlyInSummer(string utc, string uk) =>
        Assert.Equal(DateTime.Parse(uk), UkTime.ToUk(DateTime.Parse(utc)));

    [Theory]
    [InlineData("2026-03-28T12:00:00", "2026-03-28T12:00:00")]
    [InlineData("2026-03-30T12:00:00", "2026-03-30T11:00:00")]
    [InlineData("2026-10-24T12:00:00", "2026-10-24T11:00:00")]
    [InlineData("2026-10-26T12:00:00", "2026-10-26T12:00:00")]
    public void ToUtc_EitherSideOfTheClockChanges_TakesOffAnHourOnlyInSummer(string uk, string utc)
    {
        var result = UkTime.ToUtc(DateTime.Parse(uk));

        Assert.Equal(DateTime.Parse(utc), result);
        Assert.Equal(DateTimeKind.Utc, result.Kind);
    }

    [Theory]
    [InlineData("2026-03-29T01:00:00", "2026-03-29T01:00:00")]
    [InlineData("2026-03-29T01:30:00", "2026-03-29T01:30:00")]
    [InlineData("2026-03-29T01:59:00", "2026-03-29T01:59:00")]
    public void ToUtc_InTheSkippedHour_MovesOnAnHour(string uk, string utc)
    {
        // 01:30 does not exist on the clock that day; it is read as 02:30 BST, which is 01:30 UTC.
        var result = UkTime.ToUtc(DateTime.Parse(uk));

        Assert.Equal(DateTime.Parse(utc), result);
        Assert.Equal(DateTime.Parse(uk).AddHours(1), UkTime.ToUk(result));
    }

    [Fact]
    public void Today_LateOnASummerEvening_IsAlreadyTomorrowInTheUk()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 7, 1), UkTime.Today(clock));
    }

    [Fact]
    public void Today_LateOnAWinterEvening_IsStillToday()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 31), UkTime.Today(clock));
    }
}
