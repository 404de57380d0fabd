using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Partnerships;

public class PartnershipsTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public PartnershipsTests(AppFactory app) => _app = app;

    [Fact]
    public async Task Index_ListsTheRegionsPartnerships_WithFilters()
    {
        await using var app = new AppFactory(); // other tests here add and change partnerships
        var client = app.CreateClientAs(Demo.StaffBirmingham);
        var all = await client.GetDocumentAsync("/partnerships");
        var names = all.QuerySelectorAll("tbody th a").Select(a => a.TextContent).ToList();
        Assert.Equal(38, names.Count);
        Assert.Contains("Stoke-on-Trent", names);
        Assert.Contains("Wyre Forest", names);

        var nrf = await client.GetDocumentAsync("/partnerships?nrfonly=true");
        Assert.Equal(
            ["Birmingham", "Coventry", "Dudley", "Sandwell", "Stoke-on-Trent", "Walsall", "Wolverhampton"],
            nrf.QuerySelectorAll("tbody th a").Select(a => a.TextContent));

        var counties = await client.GetDocumentAsync("/partnerships?type=County");
        Assert.Equal(["Shropshire", "Staffordshire", "Warwickshire", "Worcestershire"], counties.QuerySelectorAll("tbody th a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Index_PagesThroughLongLists()
    {
        await using var app = new AppFactory();
        await app.WithDbAsync(async db =>
        {
            var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
            for (var i = 0; i < 20; i++)
            {
                db.Partnerships.Add(new Partnership(regionId, $"Zeta district {i:00}", AreaType.District, false, null));
            }
            await db.SaveChangesAsync();
        });
        var client = app.CreateClientAs(Demo.StaffBirmingham);
        var first = await client.GetDocumentAsync("/partnerships");
        var second = await client.GetDocumentAsync("/partnerships?page=2");
        Assert.Equal(50, first.QuerySelectorAll("tbody th a").Length);
        Assert.Equal(8, second.QuerySelectorAll("tbody th a").Length); // 38 seeded + 20 = 58
        Assert.Contains("Showing 51 to 58 of 58", second.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(first.QuerySelectorAll("tbody th a").Select(a => a.TextContent), second.QuerySelectorAll("tbody th a").Select(a => a.TextContent).Contains);
    }

    [Fact]
    public async Task Index_DoesNotShowAnotherRegion()
    {
        await _app.AddOtherRegionAsync();
        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/partnerships?q=Knowsley");
        Assert.Empty(page.QuerySelectorAll("tbody th a"));
        // Asking for the other region by id changes nothing for a coordinator: only admins pick regions.
        var (regionId, _) = await _app.AddOtherRegionAsync();
        var forced = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/partnerships?region={regionId}&q=Knowsley");
        Assert.Empty(forced.QuerySelectorAll("tbody th a"));
        var admin = await _app.CreateClientAs(Demo.Admin).GetDocumentAsync($"/partnerships?region={regionId}");
        Assert.Equal(["Knowsley"], admin.QuerySelectorAll("tbody th a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Details_ShowsCountyDistrictsAndStaff()
    {
        var staffordshire = await _app.PartnershipIdAsync("Staffordshire");
        var page = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/partnerships/{staffordshire}");
        Assert.Contains("Tamworth", page.QuerySelector("main")!.TextContent);

        var birmingham = await _app.PartnershipIdAsync("Birmingham");
        var bham = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/partnerships/{birmingham}");
        Assert.Contains("Sam Birmingham", bham.QuerySelector("main")!.TextContent);
        Assert.Contains("Receives NRF", bham.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Details_OfAnotherRegion_Is403_AndUnknownIs404()
    {
        var (_, knowsley) = await _app.AddOtherRegionAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/partnerships/{knowsley}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/partnerships/{knowsley}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(TestData.OtherStaff).GetAsync($"/partnerships/{knowsley}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClientAs(Demo.Coordinator).GetAsync("/partnerships/999999")).StatusCode);
    }

    [Fact]
    public async Task Create_District_WithCounty_IsSavedAndAudited()
    {
        var warwickshire = await _app.PartnershipIdAsync("Warwickshire");
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/partnerships/create", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kenilworth",
            ["Input.AreaType"] = "District",
            ["Input.CountyId"] = warwickshire.ToString(),
            ["Input.ReceivesNrf"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _app.WithDbAsync(db => db.Partnerships.AsNoTracking().SingleAsync(p => p.Name == "Kenilworth"));
        Assert.Equal(AreaType.District, saved.AreaType);
        Assert.Equal(warwickshire, saved.CountyId);
        Assert.Equal($"/partnerships/{saved.Id}", response.Headers.Location?.OriginalString);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "partnership.created" && a.EntityId == saved.Id.ToString()));
        Assert.True(audited);
    }

    [Theory]
    [InlineData("", "Metropolitan", "", "Enter the partnership's name")]
    [InlineData("Birmingham", "Metropolitan", "", "A partnership with this name already exists in the region")]
    [InlineData("Nowhere", "", "", "Select the type of area")]
    [InlineData("Nowhere", "Sideways", "", "'Sideways' is not a valid value for type of area")]
    [InlineData("Nowhere", "District", "", "Select the county this district belongs to")]
    [InlineData("Nowhere", "District", "999999", "Select a county from the list")]
    [InlineData("Nowhere", "District", "abc", "'abc' is not a valid value for county")]
    public async Task Create_WithBadInput_ShowsErrorAndKeepsInput(string name, string type, string county, string error)
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/partnerships/create", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.AreaType"] = type,
            ["Input.CountyId"] = county,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal(name, page.FieldValue("Input.Name"));
    }

    [Fact]
    public async Task Edit_AndDeactivate_ByCoordinator()
    {
        var solihull = await _app.PartnershipIdAsync("Solihull");
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var edit = await coordinator.SubmitFormAsync($"/partnerships/{solihull}/edit", new Dictionary<string, string>
        {
            ["Input.ReceivesNrf"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Partnerships.Where(p => p.Id == solihull).Select(p => p.ReceivesNrf).SingleAsync()));

        var deactivate = await coordinator.SubmitFormAsync($"/partnerships/{solihull}", new Dictionary<string, string>(), button: "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);
        var list = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/partnerships?q=Solihull");
        Assert.Empty(list.QuerySelectorAll("tbody th a"));

        var reactivate = await coordinator.SubmitFormAsync($"/partnerships/{solihull}", new Dictionary<string, string>(), button: "Reactivate");
        Assert.Equal(HttpStatusCode.Redirect, reactivate.StatusCode);
    }

    [Fact]
    public async Task Staff_CannotCreateEditOrDeactivate()
    {
        var walsall = await _app.PartnershipIdAsync("Walsall");
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/partnerships/create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/partnerships/{walsall}/edit")).StatusCode);

        // The deactivate button is not shown to staff; posting the handler anyway is refused.
        var details = await staff.GetDocumentAsync($"/partnerships/{walsall}");
        Assert.DoesNotContain("Deactivate", details.QuerySelector("main")!.TextContent);
        var forged = await staff.PostWithTokenAsync($"/partnerships/{walsall}", $"/partnerships/{walsall}?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Partnerships.Where(p => p.Id == walsall).Select(p => p.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task OtherRegionsCoordinator_CannotEditOrDeactivate()
    {
        await _app.AddOtherRegionAsync();
        var dudley = await _app.PartnershipIdAsync("Dudley");
        var other = _app.CreateClientAs(TestData.OtherCoordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/partnerships/{dudley}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/partnerships/{dudley}")).StatusCode);
    }
}
