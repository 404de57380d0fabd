using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Projects;

namespace LspCapacity.Tests.Domain.Projects;

public class ProjectTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Start = new(2026, 12, 1);
    private static readonly DateOnly End = new(2027, 6, 30);

    private static Project NewProject(string lead = "lead")
    {
        var project = new Project(1, 2, "proposer", Now);
        project.Describe("Owners for targets", "Nobody owns them.", [3], [], LaaBlocks.SaferAndStrongerCommunities, [], lead, [], Start, End, Now);
        project.PlanMilestones([new MilestonePlan(null, "Owners agreed", new DateOnly(2027, 2, 1))], Now);
        project.PlanMeasures([new MeasurePlan(null, "Targets owned", "%", 20, new DateOnly(2026, 11, 1), 100, End)], Now);
        return project;
    }

    [Fact]
    public void Describe_EndBeforeStart_IsRefused() =>
        Assert.Equal("The end date must be after the start date.", Assert.Throws<DomainException>(() =>
            new Project(1, 2, "p", Now).Describe("T", "P", [3], [], LaaBlocks.ChildrenAndYoungPeople, [], "lead", [], End, Start, Now)).Message);

    [Fact]
    public void Describe_IncludesTheThemesOfTheNeedsAnswered()
    {
        var project = new Project(1, 2, "p", Now);
        project.Describe("T", "P", [3], [new NeedAnswered(9, 5, LspCapacity.Web.Domain.Needs.NeedLevel.High)], LaaBlocks.ChildrenAndYoungPeople,
            [new NeighbourhoodPlan("Aston", true)], "lead", ["Police", "police"], Start, End, Now);
        Assert.Equal([3, 5], project.Themes.Select(t => t.ThemeId).Order());
        Assert.Single(project.PartnerOrganisations);
        Assert.True(Assert.Single(project.Neighbourhoods).IsDeprived);
    }

    [Fact]
    public void Milestone_OutsideTheProjectsDates_IsRefused() =>
        Assert.Throws<DomainException>(() => NewProject().PlanMilestones([new MilestonePlan(null, "Late", End.AddDays(1))], Now));

    [Theory]
    [InlineData("", "Give the unit of “Targets” (for example “%” or “young people”).")]
    public void Measure_WithNoUnit_IsRefused(string unit, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() =>
            NewProject().PlanMeasures([new MeasurePlan(null, "Targets", unit, 1, Start, 2, End)], Now)).Message);

    [Fact]
    public void Measure_TargetDatedBeforeBaseline_IsRefused_AndFourMeasuresAreTooMany()
    {
        var project = NewProject();
        Assert.Throws<DomainException>(() => project.PlanMeasures([new MeasurePlan(null, "M", "%", 1, End, 2, Start)], Now));
        Assert.Throws<DomainException>(() => project.PlanMeasures(Enumerable.Range(1, 4).Select(i => new MeasurePlan(null, $"M{i}", "%", 1, Start, 2, End)), Now));
    }

    [Fact]
    public void Updates_AreForTheLeadOfAnActiveProject_AndMoveTheLatestValue()
    {
        var project = NewProject();
        var today = new DateOnly(2026, 11, 25);
        Assert.Throws<DomainException>(() => project.PostUpdate("lead", RagStatus.Green, "Too early.", [], [], today, Now));
        project.Accept("coordinator", "A mentor.", Now);
        Assert.Throws<DomainException>(() => project.PostUpdate("someone else", RagStatus.Green, "Not the lead.", [], [], today, Now));
        project.PostUpdate("lead", RagStatus.Amber, "Going.", [], [new MeasureReadingInput(0, 55, today)], today, Now);
        Assert.Equal(55, project.Measures[0].LatestValue);
        Assert.Equal(today, project.LastUpdateOn);
        Assert.False(project.IsQuietOn(today.AddDays(29), 30));
        Assert.True(project.IsQuietOn(today.AddDays(30), 30));
    }

    [Fact]
    public void Close_NeedsEveryFinalValue_AndJudgesTheTargetInItsDirection()
    {
        var project = NewProject();
        project.Accept("coordinator", "A mentor.", Now);
        Assert.Throws<DomainException>(() => project.Close("lead", "Changed.", [], [], "Help.", null, true, Now));
        project.Close("lead", "Changed.", [new FinalValueInput(0, 90)], ["https://example.org"], "Help.", null, true, Now);
        Assert.Equal(ProjectStatus.Closed, project.Status);
        Assert.False(project.Measures[0].TargetMet); // 90 of a target of 100, rising from 20
        Assert.Throws<DomainException>(() => project.Describe("T", "P", [3], [], LaaBlocks.ChildrenAndYoungPeople, [], "lead", [], Start, End, Now));
    }

    [Fact]
    public void Decline_NeedsAReason_AndOnlyFromProposed()
    {
        var project = NewProject();
        Assert.Throws<DomainException>(() => project.Decline("coordinator", " ", Now));
        project.Decline("coordinator", "Duplicates another.", Now);
        Assert.Throws<DomainException>(() => project.Accept("coordinator", "Plan", Now));
    }
}
