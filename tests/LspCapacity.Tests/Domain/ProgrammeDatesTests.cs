using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;

namespace LspCapacity.Tests.Domain;

public class ProgrammeDatesTests
{
    private static readonly DateOnly Start = new(2006, 4, 1);
    private static readonly DateOnly End = new(2007, 3, 31);

    [Fact]
    public void New_EndingBeforeStart_Refuses()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            new Programme(1, "West Midlands 2006-07", "Build capacity", End, Start, 100_000m));

        Assert.Contains("end on or after", refusal.Message);
    }

    [Fact]
    public void New_EndingOnTheDayItStarts_IsAllowed()
    {
        var programme = new Programme(1, "One day", "Build capacity", Start, Start, 0m);

        Assert.Equal(Start, programme.StartsOn);
        Assert.Equal(Start, programme.EndsOn);
    }

    [Fact]
    public void SetDates_Reversed_RefusesAndKeepsTheOldDates()
    {
        var programme = new Programme(1, "West Midlands 2006-07", "Build capacity", Start, End, 100_000m);

        Assert.Throws<DomainException>(() => programme.SetDates(new DateOnly(2007, 6, 1), new DateOnly(2007, 5, 31)));

        Assert.Equal(Start, programme.StartsOn);
        Assert.Equal(End, programme.EndsOn);
    }

    [Fact]
    public void IsRunningOn_IncludesFirstAndLastDay()
    {
        var programme = new Programme(1, "West Midlands 2006-07", "Build capacity", Start, End, 100_000m);

        Assert.False(programme.IsRunningOn(Start.AddDays(-1)));
        Assert.True(programme.IsRunningOn(Start));
        Assert.True(programme.IsRunningOn(End));
        Assert.False(programme.IsRunningOn(End.AddDays(1)));
    }
}
