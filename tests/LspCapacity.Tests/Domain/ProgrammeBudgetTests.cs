using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;

namespace LspCapacity.Tests.Domain;

public class ProgrammeBudgetTests
{
    private static readonly DateOnly Start = new(2006, 4, 1);
    private static readonly DateOnly End = new(2007, 3, 31);

    [Fact]
    public void New_WithNegativeBudget_Refuses()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            new Programme(1, "West Midlands 2006-07", "Build capacity", Start, End, -0.01m));

        Assert.Contains("cannot be negative", refusal.Message);
    }

    [Fact]
    public void SetBudget_Negative_RefusesAndKeepsTheOldBudget()
    {
        var programme = new Programme(1, "West Midlands 2006-07", "Build capacity", Start, End, 250_000m);

        Assert.Throws<DomainException>(() => programme.SetBudget(-1m));

        Assert.Equal(250_000m, programme.Budget);
    }

    [Fact]
    public void SetBudget_Zero_IsAllowed()
    {
        var programme = new Programme(1, "West Midlands 2006-07", "Build capacity", Start, End, 250_000m);

        programme.SetBudget(0m);

        Assert.Equal(0m, programme.Budget);
    }
}
