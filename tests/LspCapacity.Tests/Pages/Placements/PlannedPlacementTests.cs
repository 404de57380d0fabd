using LspCapacity.Tests.Pages.Dashboard;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Placements;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Placements;

/// <summary>
/// A placement confirmed for a later start date is planned: not active on the dashboard, covering no need
/// yet, shown as "starts on …" — until its first day comes.
/// </summary>
public class PlannedPlacementTests
{
    private static string Text(AngleSharp.Dom.IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();

    [Fact]
    public async Task APlacementNotStartedYet_IsPlanned_NotActive_AndCoversNoNeed_UntilItStarts()
    {
        await using var app = new KnownRegion();
        await app.InitializeAsync();
        // KnownRegion's one placement is active; Liverpool × theme B is a high need nothing addresses.
        var pair = await app.WithDbAsync(db => db.Placements.Where(p => p.RegionId == app.RegionId)
            .Select(p => new { p.MentorId, p.MenteeId }).SingleAsync());
        var startsOn = new DateOnly(2026, 12, 7); // the test clock's today is 25 November 2026
        var id = await app.WithDbAsync(async db =>
        {
            var planned = new Placement(app.RegionId, PlacementKind.Coaching, pair.MentorId, pair.MenteeId, app.Liverpool, "Commission together.",
                startsOn, startsOn.AddMonths(4), [app.ThemeB], null, null, null);
            db.Placements.Add(planned);
            await db.SaveChangesAsync();
            return planned.Id;
        });
        var coordinator = app.CreateClientAs(KnownRegion.Coordinator);

        var dashboard = await coordinator.GetDocumentAsync("/dashboard");
        Assert.Equal("1", Text(dashboard.QuerySelector("#figure-placements-active")));
        Assert.Equal("1", Text(dashboard.QuerySelector("#figure-placements-planned")));
        var coverage = await coordinator.GetDocumentAsync("/needs/coverage");
        Assert.Equal("1 of 2", Text(coverage.QuerySelector("#coverage-count")));
        Assert.Contains("Not covered", Text(coverage.QuerySelector($"#needs tr[data-need='{app.Liverpool}-{app.ThemeB}']")));

        var page = await coordinator.GetDocumentAsync($"/placements/{id}");
        Assert.Contains("Planned: starts on 7 December 2026", Text(page.QuerySelector("main dl")));
        var list = await coordinator.GetDocumentAsync("/placements?planned=true");
        var row = Assert.Single(list.QuerySelectorAll("main table tbody tr"));
        Assert.Contains("Planned Starts on 7 December 2026", Text(row));
        var active = await coordinator.GetDocumentAsync("/placements?status=Active");
        Assert.DoesNotContain(active.QuerySelectorAll("main table a"), a => a.GetAttribute("href") == $"/placements/{id}");

        // Its first day: active, and the need is covered (the cached coverage is not kept past the day).
        app.Clock.Set(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        dashboard = await coordinator.GetDocumentAsync("/dashboard");
        Assert.Equal("2", Text(dashboard.QuerySelector("#figure-placements-active")));
        Assert.Null(dashboard.QuerySelector("#figure-placements-planned"));
        coverage = await coordinator.GetDocumentAsync("/needs/coverage");
        Assert.Equal("2 of 2", Text(coverage.QuerySelector("#coverage-count")));
        page = await coordinator.GetDocumentAsync($"/placements/{id}");
        Assert.DoesNotContain("Planned", Text(page.QuerySelector("main dl")));
    }
}
