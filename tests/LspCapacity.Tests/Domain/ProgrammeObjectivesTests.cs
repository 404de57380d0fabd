using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;

namespace LspCapacity.Tests.Domain;

public class ProgrammeObjectivesTests
{
    private static Programme New() =>
        new(1, "West Midlands 2006-07", "Build capacity", new DateOnly(2006, 4, 1), new DateOnly(2007, 3, 31), 100_000m);

    [Fact]
    public void AddObjective_KeepsTheOrderAdded()
    {
        var programme = New();

        programme.AddObjective("Stronger performance management");
        programme.AddObjective("Better community engagement");
        programme.AddObjective("Shared evidence base");

        Assert.Equal(
            ["Stronger performance management", "Better community engagement", "Shared evidence base"],
            programme.Objectives.Select(o => o.Text));
        Assert.Equal([1, 2, 3], programme.Objectives.Select(o => o.Position));
    }

    [Fact]
    public void AddObjective_Duplicate_IsIgnored()
    {
        var programme = New();

        programme.AddObjective("Stronger performance management");
        programme.AddObjective("Better community engagement");
        programme.AddObjective("Stronger performance management");
        programme.AddObjective("  Better community engagement ");
        programme.AddObjective("Shared evidence base");

        Assert.Equal(
            ["Stronger performance management", "Better community engagement", "Shared evidence base"],
            programme.Objectives.Select(o => o.Text));
        Assert.Equal([1, 2, 3], programme.Objectives.Select(o => o.Position));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddObjective_Blank_Refuses(string text)
    {
        var programme = New();

        Assert.Throws<DomainException>(() => programme.AddObjective(text));

        Assert.Empty(programme.Objectives);
    }
}
