using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;

namespace LspCapacity.Tests.Domain;

public class ProgrammeYearTests
{
    private static Programme Year2006()
    {
        var programme = new Programme(1, "West Midlands Programme 2006–07", "Build capacity", new DateOnly(2006, 9, 1), new DateOnly(2007, 7, 31), 250_000m);
        programme.SetObjectives(["Needs analysis of every LSP", "", "  Deliver collaboratively  "]);
        programme.SetThemes([3, 1, 1]);
        programme.SetPartnerships([7, 5]);
        return programme;
    }

    [Fact]
    public void StartNext_CopiesAimBudgetObjectivesThemesAndPartnerships_WithTheDatesAYearOn_AndOffersTheBaseline()
    {
        var next = Year2006().StartNext("West Midlands Programme 2007–08", [1, 3], [5, 9], lastFollowUpSurveyId: 42);

        Assert.Equal(1, next.RegionId);
        Assert.Equal("Build capacity", next.Aim);
        Assert.Equal(250_000m, next.Budget);
        Assert.Equal((new DateOnly(2007, 9, 1), new DateOnly(2008, 7, 31)), (next.StartsOn, next.EndsOn));
        Assert.Equal(["Needs analysis of every LSP", "Deliver collaboratively"], next.Objectives.Select(o => o.Text));
        Assert.Equal([1, 3], next.ThemeIds);
        Assert.Equal([5, 9], next.PartnershipIds);
        Assert.Equal(42, next.BaselineSurveyId);
        Assert.False(next.IsClosed);
    }

    [Theory]
    [InlineData("West Midlands Programme 2006–07", "West Midlands Programme 2007–08")]
    [InlineData("Programme 2006", "Programme 2007")]
    [InlineData("The programme", "The programme (next year)")]
    public void NextName_MovesTheYearOn(string name, string next) =>
        Assert.Equal(next, Programme.NextName(name, new DateOnly(2006, 9, 1)));

    [Fact]
    public void Closed_RefusesEveryChange_ButCanStillStartTheNextYear()
    {
        var programme = Year2006();
        programme.Close(new DateTime(2007, 8, 1, 9, 0, 0, DateTimeKind.Utc));

        Assert.True(programme.IsClosed);
        Assert.Contains("is closed", Assert.Throws<DomainException>(() =>
            programme.Update("New name", "Aim", programme.StartsOn, programme.EndsOn, 1m)).Message);
        Assert.Throws<DomainException>(() => programme.SetObjectives(["x"]));
        Assert.Throws<DomainException>(() => programme.SetThemes([1]));
        Assert.Throws<DomainException>(() => programme.Close(DateTime.UtcNow));
        Assert.Equal("West Midlands Programme 2006–07", programme.Name);
        Assert.False(programme.StartNext("Next", [], [], null).IsClosed);
    }

    [Fact]
    public void Update_WithTheEndBeforeTheStartOrANegativeBudget_Refuses()
    {
        var programme = Year2006();
        Assert.Throws<DomainException>(() => programme.Update("P", "A", new DateOnly(2007, 1, 2), new DateOnly(2007, 1, 1), 0m));
        Assert.Throws<DomainException>(() => programme.Update("P", "A", new DateOnly(2007, 1, 1), new DateOnly(2007, 1, 2), -1m));
    }

    [Fact]
    public void Partnership_MergedIntoAnotherOfItsRegion_IsInactive_AndCannotBeReactivatedOrMergedAgain()
    {
        var walsall = new Partnership(1, "Walsall", AreaType.Metropolitan, true);
        var wolverhampton = new Partnership(1, "Wolverhampton", AreaType.Metropolitan, true);
        var elsewhere = new Partnership(2, "Knowsley", AreaType.Metropolitan, true);
        SetId(walsall, 1);
        SetId(wolverhampton, 2);
        SetId(elsewhere, 3);

        Assert.Throws<DomainException>(() => walsall.MergeInto(walsall));
        Assert.Throws<DomainException>(() => walsall.MergeInto(elsewhere));
        walsall.MergeInto(wolverhampton);

        Assert.Equal(2, walsall.MergedIntoId);
        Assert.False(walsall.IsActive);
        Assert.Throws<DomainException>(() => walsall.Reactivate());
        Assert.Throws<DomainException>(() => walsall.MergeInto(wolverhampton));
        Assert.Throws<DomainException>(() => wolverhampton.MergeInto(walsall)); // not into an inactive one
    }

    [Fact]
    public void Theme_Retired_IsInactive_UntilReinstated()
    {
        var theme = new Theme("governance", "Partnership governance", "", 1);
        theme.Retire();
        Assert.False(theme.IsActive);
        theme.Reinstate();
        Assert.True(theme.IsActive);
    }

    private static void SetId(Partnership partnership, int id) =>
        typeof(Partnership).GetProperty(nameof(Partnership.Id))!.SetValue(partnership, id);
}
