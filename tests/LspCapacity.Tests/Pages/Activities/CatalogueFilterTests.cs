using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Activities;

/// <summary>
/// The catalogue's filters, alone and together, for staff and coordinators: upcoming published activities of the region
/// and other regions' national showcases by default; past ones (published, completed or cancelled, never drafts) latest
/// first; drafts for coordinators only; a theme, a kind, a month in UK time, places left.
/// </summary>
public sealed class CatalogueFilterTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private int _theme1;
    private int _theme2;
    private DateTime _monthOfA;

    public async ValueTask InitializeAsync()
    {
        var day = TimeSpan.FromDays(1);
        await _app.AddOtherRegionAsync();
        (_theme1, _theme2) = await _app.WithDbAsync(async db =>
        {
            var ids = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).Take(2).ToListAsync();
            return (ids[0], ids[1]);
        });
        var a = await Made("Filters A", 40 * day, _theme2);
        _monthOfA = UkTime.ToUk(await _app.WithDbAsync(db => db.Activities.Where(x => x.Id == a).Select(x => x.StartsAt).SingleAsync()));
        var b = await Made("Filters B", 70 * day, _theme1, kind: ActivityKind.Workshop);
        await _app.WithDbAsync(db => db.Activities.Where(x => x.Id == b).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedCount, x => x.Capacity))); // full
        await Made("Filters C draft", 50 * day, _theme1, ActivityStatus.Draft);
        await Made("Filters D completed", -20 * day, _theme2, ActivityStatus.Completed);
        await Made("Filters E cancelled", -10 * day, _theme1, ActivityStatus.Cancelled);
        await Made("Filters F past draft", -15 * day, _theme2, ActivityStatus.Draft);
        await Made("Filters G showcase", 45 * day, _theme2, national: true, region: "north-west");
        await Made("Filters H draft showcase", 47 * day, _theme2, ActivityStatus.Draft, national: true, region: "north-west");
        await Made("Filters I other region", 48 * day, _theme2, region: "north-west");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>An activity made published, then given the status, kind, region and themes the test needs.</summary>
    private async Task<int> Made(string title, TimeSpan startsIn, int themeId, ActivityStatus status = ActivityStatus.Published,
        ActivityKind kind = ActivityKind.Seminar, bool national = false, string region = "west-midlands")
    {
        var id = await _app.PublishedActivityAsync(title: title, capacity: 5, startsIn: TimeSpan.FromDays(1));
        var starts = _app.Clock.GetUtcNow().UtcDateTime + startsIn;
        await _app.WithDbAsync(async db =>
        {
            var regionId = await db.Regions.Where(r => r.Code == region).Select(r => r.Id).SingleAsync();
            await db.Activities.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.StartsAt, starts).SetProperty(x => x.EndsAt, starts.AddHours(6)).SetProperty(x => x.Status, status)
                .SetProperty(x => x.Kind, kind).SetProperty(x => x.IsNational, national).SetProperty(x => x.RegionId, regionId));
            var activity = await db.Activities.Include(x => x.Themes).SingleAsync(x => x.Id == id);
            activity.SetThemes([themeId]);
            await db.SaveChangesAsync();
        });
        return id;
    }

    private async Task<(string Title, List<string> Ours)> ListAsync(string who, string query)
    {
        var page = await _app.CreateClientAs(who).GetDocumentAsync("/activities" + query);
        var titles = page.QuerySelectorAll("main .app-activity-list h2 a").Select(x => x.TextContent.Trim())
            .Where(t => t.StartsWith("Filters ", StringComparison.Ordinal)).ToList();
        return (page.Title!.Split(" – ")[0], titles);
    }

    [Fact]
    public async Task Staff_SeeUpcomingPublished_AndShowcases_InDateOrder_FilteredByThemeKindPlacesAndMonth()
    {
        var all = await ListAsync(Demo.StaffBirmingham, "");
        Assert.Equal("Activities", all.Title);
        Assert.Equal(["Filters A", "Filters G showcase", "Filters B"], all.Ours);
        Assert.Equal(["Filters A", "Filters G showcase"], (await ListAsync(Demo.StaffBirmingham, $"?theme={_theme2}")).Ours);
        Assert.Equal(["Filters B"], (await ListAsync(Demo.StaffBirmingham, $"?theme={_theme1}")).Ours);
        Assert.Equal(["Filters B"], (await ListAsync(Demo.StaffBirmingham, "?kind=Workshop")).Ours);
        Assert.Equal(["Filters A", "Filters G showcase"], (await ListAsync(Demo.StaffBirmingham, "?placesleft=true")).Ours);
        Assert.Equal(["Filters A", "Filters G showcase"], (await ListAsync(Demo.StaffBirmingham, $"?placesleft=true&kind=Seminar&theme={_theme2}")).Ours);
        Assert.Empty((await ListAsync(Demo.StaffBirmingham, $"?placesleft=true&kind=Workshop&theme={_theme1}")).Ours);

        // A month in UK time: the ones of ours that start in it, nothing else.
        var inMonth = new[] { ("Filters A", 40), ("Filters G showcase", 45), ("Filters B", 70) }
            .Where(x => UkTime.ToUk(_app.Clock.GetUtcNow().UtcDateTime.AddDays(x.Item2)) is var uk && uk.Year == _monthOfA.Year && uk.Month == _monthOfA.Month)
            .Select(x => x.Item1).ToList();
        Assert.Equal(inMonth, (await ListAsync(Demo.StaffBirmingham, $"?month={_monthOfA:yyyy-MM}")).Ours);
        Assert.Equal(inMonth.Where(t => t != "Filters B").ToList(),
            (await ListAsync(Demo.StaffBirmingham, $"?month={_monthOfA:yyyy-MM}&placesleft=true")).Ours);

        // Drafts are a coordinator's view: staff asking for them see the usual list, titled as such.
        var drafts = await ListAsync(Demo.StaffBirmingham, "?drafts=true");
        Assert.Equal("Activities", drafts.Title);
        Assert.Equal(["Filters A", "Filters G showcase", "Filters B"], drafts.Ours);
    }

    [Fact]
    public async Task ThePast_IsPublishedCompletedAndCancelled_LatestFirst_NeverDrafts()
    {
        var past = await ListAsync(Demo.StaffBirmingham, "?past=true");
        Assert.Equal("Past activities", past.Title);
        Assert.Equal(["Filters E cancelled", "Filters D completed"], past.Ours);
        Assert.Equal(["Filters D completed"], (await ListAsync(Demo.StaffBirmingham, $"?past=true&theme={_theme2}")).Ours);
        Assert.Equal(["Filters E cancelled"], (await ListAsync(Demo.Coordinator, $"?past=true&theme={_theme1}")).Ours);
    }

    [Fact]
    public async Task Coordinators_SeeTheirRegionsDrafts_UpcomingOrPast_NotAnotherRegions()
    {
        var drafts = await ListAsync(Demo.Coordinator, "?drafts=true");
        Assert.Equal("Draft activities", drafts.Title);
        Assert.Equal(["Filters C draft"], drafts.Ours);
        Assert.Equal(["Filters F past draft"], (await ListAsync(Demo.Coordinator, "?drafts=true&past=true")).Ours);
        Assert.Equal(["Filters H draft showcase"], (await ListAsync(TestData.OtherCoordinator, "?drafts=true")).Ours);
        Assert.Equal(["Filters G showcase", "Filters I other region"], (await ListAsync(TestData.OtherStaff, "")).Ours);
    }
}
