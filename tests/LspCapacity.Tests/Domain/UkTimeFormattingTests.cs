using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Tests.Domain;

public class UkTimeFormattingTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void DateTime_InWinter_IsGovUkStyle() =>
        Assert.Equal("25 November 2026 at 2:30pm", UkTime.DateTime(Utc(2026, 11, 25, 14, 30)));

    [Fact]
    public void DateTime_InSummer_ShowsBritishSummerTime() =>
        Assert.Equal("1 July 2026 at 2:05pm", UkTime.DateTime(Utc(2026, 7, 1, 13, 5)));

    [Theory]
    [InlineData(9, 0, "25 November 2026 at 9am")]
    [InlineData(0, 0, "25 November 2026 at midnight")]
    [InlineData(12, 0, "25 November 2026 at midday")]
    [InlineData(12, 30, "25 November 2026 at 12:30pm")]
    [InlineData(0, 15, "25 November 2026 at 12:15am")]
    [InlineData(23, 59, "25 November 2026 at 11:59pm")]
    public void DateTime_OnTheHourAndAtMidnightAndMidday_IsWrittenAsPeopleSayIt(int hour, int minute, string expected) =>
        Assert.Equal(expected, UkTime.DateTime(Utc(2026, 11, 25, hour, minute)));

    [Fact]
    public void DateTime_AcrossTheSpringChange_UsesTheUkClock()
    {
        Assert.Equal("29 March 2026 at 12:30am", UkTime.DateTime(Utc(2026, 3, 29, 0, 30)));
        Assert.Equal("29 March 2026 at 2:30am", UkTime.DateTime(Utc(2026, 3, 29, 1, 30)));
    }

    [Fact]
    public void Until_MidnightInTheUk_IsTheEndOfTheDayBefore()
    {
        Assert.Equal("the end of 9 December 2026", UkTime.Until(Utc(2026, 12, 10, 0, 0)));
        // Midnight in summer is 23:00 UTC the evening before.
        Assert.Equal("the end of 9 June 2026", UkTime.Until(Utc(2026, 6, 9, 23, 0)));
    }

    [Fact]
    public void Until_AnyOtherTime_IsTheDateAndTime() =>
        Assert.Equal("10 December 2026 at 5pm", UkTime.Until(Utc(2026, 12, 10, 17, 0)));

    [Fact]
    public void Date_LateOnASummerEvening_IsTheUkDay() =>
        Assert.Equal("1 July 2026", UkTime.Date(Utc(2026, 6, 30, 23, 30)));

    [Fact]
    public void Date_OfADay_HasNoLeadingZero() =>
        Assert.Equal("5 March 2027", UkTime.Date(new DateOnly(2027, 3, 5)));
}
