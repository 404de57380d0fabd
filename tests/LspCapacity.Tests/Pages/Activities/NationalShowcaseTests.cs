using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Activities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Activities;

/// <summary>
/// National showcases: organised by the West Midlands, listed and bookable by staff of every region,
/// managed only by the organising region's coordinators, with per-region caps that hold under concurrency.
/// </summary>
public class NationalShowcaseTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public NationalShowcaseTests(AppFactory app) => _app = app;

    /// <summary>A published West Midlands showcase, national, with the given caps per region code.</summary>
    private async Task<int> NationalShowcaseAsync(string title, int capacity = 20, params (string Region, int Cap)[] caps)
    {
        await _app.AddOtherRegionAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var starts = now.AddDays(30);
        return await _app.WithDbAsync(async db =>
        {
            var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id);
            var themeId = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync();
            var activity = new Activity(regions["west-midlands"], new ActivityDetails(ActivityKind.Showcase, title, "Best practice from across England.",
                starts, starts.AddHours(6), "ICC, Birmingham", null, capacity, null, now.AddDays(-1), starts, BookingMode.FirstCome, null, null, null),
                [themeId], now);
            activity.Publish(now);
            activity.SetNational(true, caps.Select(c => (regions[c.Region], c.Cap)), now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
    }

    [Fact]
    public async Task AnotherRegionsStaff_SeeItInTheirCatalogue_MarkedNational_AndBookIt()
    {
        var id = await NationalShowcaseAsync("Showcase: neighbourhood management");
        var staff = _app.CreateClientAs(TestData.OtherStaff);

        var catalogue = await staff.GetDocumentAsync("/activities");
        var item = catalogue.QuerySelectorAll(".app-activity-list__item").Single(li => li.TextContent.Contains("Showcase: neighbourhood management"));
        Assert.Contains("National", item.TextContent);
        var details = await staff.GetDocumentAsync($"/activities/{id}");
        Assert.Contains("national showcase organised by West Midlands", details.QuerySelector("#national")!.TextContent);

        var booked = await _app.BookAsync(TestData.OtherStaff, id);

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var booking = Assert.Single(await _app.BookingsAsync(id));
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(await _app.WithDbAsync(db => db.Regions.Where(r => r.Code == "north-west").Select(r => (int?)r.Id).SingleAsync()), booking.RegionId);
    }

    [Fact]
    public async Task ARegionalActivity_StaysHiddenFromOtherRegions()
    {
        await _app.AddOtherRegionAsync();
        var id = await _app.PublishedActivityAsync(title: "West Midlands only");

        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(TestData.OtherStaff).GetAsync($"/activities/{id}")).StatusCode);
        Assert.DoesNotContain("West Midlands only", (await _app.CreateClientAs(TestData.OtherStaff).GetStringAsync("/activities")));
    }

    [Fact]
    public async Task AnotherRegionsCoordinator_ReadsIt_ButCannotManageIt()
    {
        var id = await NationalShowcaseAsync("Showcase: who runs it");
        var other = _app.CreateClientAs(TestData.OtherCoordinator);

        var page = await other.GetDocumentAsync($"/activities/{id}");
        Assert.Null(page.QuerySelector($"a[href='/activities/{id}/edit']"));
        foreach (var url in new[] { $"/activities/{id}/edit", $"/activities/{id}/bookings", $"/activities/{id}/sign-in-sheet", $"/activities/{id}/attendees.csv", $"/activities/{id}/national", $"/activities/{id}/contributors" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
        }
        var cancel = await other.PostWithTokenAsync($"/activities/{id}", $"/activities/{id}?handler=CancelActivity",
            new Dictionary<string, string> { ["CancelReason"] = "Not ours to cancel" });
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        var regional = await other.PostWithTokenAsync($"/activities/{id}", $"/activities/{id}/national", new Dictionary<string, string> { ["IsNational"] = "false" });
        Assert.Equal(HttpStatusCode.Forbidden, regional.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.IsNational).SingleAsync()));

        // The organiser's coordinator manages it.
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/activities/{id}/bookings")).StatusCode);
    }

    [Fact]
    public async Task Coordinator_MarksAShowcaseNational_WithACapForTheNorthWest()
    {
        await _app.AddOtherRegionAsync();
        var id = await NationalShowcaseAsync("Showcase: to be set");
        await _app.WithDbAsync(async db =>
        {
            var activity = await db.ActivityWithLiveBookingsAsync(id, CancellationToken.None);
            activity!.SetNational(false, [], _app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/activities/{id}/national");
        var northWest = page.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == "North West").GetAttribute("for")!;
        var capField = page.QuerySelector($"#{northWest}")!.GetAttribute("name")!;

        var saved = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{id}/national",
            new Dictionary<string, string> { ["IsNational"] = "true", [capField] = "3" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var activity = await _app.WithDbAsync(db => db.Activities.Include(a => a.RegionCaps).AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.True(activity.IsNational);
        Assert.Equal(3, Assert.Single(activity.RegionCaps).Cap);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("many")]
    public async Task ABadCap_ShowsTheErrorSummary_NeverA500(string cap)
    {
        var id = await NationalShowcaseAsync("Showcase: bad cap " + cap);
        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/activities/{id}/national");
        var capField = page.QuerySelector("input[name$='.Cap']")!.GetAttribute("name")!;

        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{id}/national",
            new Dictionary<string, string> { ["IsNational"] = "true", [capField] = cap });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task MarkingASeminarNational_IsRefused_WithAClearMessage()
    {
        var id = await _app.PublishedActivityAsync(title: "A seminar, not a showcase");

        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{id}/national",
            new Dictionary<string, string> { ["IsNational"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("showcase", string.Join(" ", (await response.ParseAsync()).ErrorSummary()));
    }

    [Fact]
    public async Task TheRegionCap_Waitlists_TheNextPersonOfThatRegion_AndSaysWhy()
    {
        var id = await NationalShowcaseAsync("Showcase: capped", 20, ("north-west", 1));
        var people = await NorthWestPeopleAsync(1);
        await _app.BookAsync(people[0], id);

        var response = await _app.BookAsync(TestData.OtherStaff, id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _app.CreateClientAs(TestData.OtherStaff).GetDocumentAsync($"/activities/{id}");
        Assert.Contains("region already has", page.QuerySelector("#why-waiting")!.TextContent);
        Assert.Equal(BookingStatus.Waitlisted, (await _app.BookingsAsync(id)).Last().Status);
    }

    [Fact]
    public async Task FortyConcurrentRequestsFromTwoRegions_HonourTheRegionCap()
    {
        var id = await NationalShowcaseAsync("Showcase: the race", 30, ("north-west", 5));
        var northWest = await NorthWestPeopleAsync(40);
        var westMidlands = await _app.PeopleAsync(20, "Solihull", "Herefordshire", "Telford and Wrekin", "Rugby");

        var statuses = await BookAllAtOnceAsync([.. northWest.Concat(westMidlands)], id);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var regions = await _app.WithDbAsync(db => db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id));
        var bookings = await _app.BookingsAsync(id);
        Assert.Equal(60, bookings.Count);
        Assert.Equal(5, bookings.Count(b => b.Status == BookingStatus.Confirmed && b.RegionId == regions["north-west"]));
        Assert.Equal(20, bookings.Count(b => b.Status == BookingStatus.Confirmed && b.RegionId == regions["west-midlands"]));
        Assert.Equal(35, bookings.Count(b => b.Status == BookingStatus.Waitlisted));
        Assert.Equal(25, await _app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.ConfirmedCount).SingleAsync()));
    }

    [Fact]
    public async Task EachRegionsDashboard_CountsItsOwnPeoplesPlaces()
    {
        var id = await NationalShowcaseAsync("Showcase: counted where people come from");
        var (_, knowsley) = await _app.AddOtherRegionAsync();
        var northWest = await NorthWestPeopleAsync(2);
        var before = await FiguresAsync(knowsley);

        foreach (var person in northWest)
        {
            await _app.BookAsync(person, id);
        }
        await _app.BookAsync(Demo.StaffBirmingham, id);

        var after = await FiguresAsync(knowsley);
        Assert.Equal(before.Theirs + 2, after.Theirs);
        Assert.Equal(before.Ours + 1, after.Ours);
        Assert.Equal(before.Knowsley + 2, after.Knowsley);
    }

    /// <summary>National places on the North West's and the West Midlands' dashboards, and Knowsley's places booked in the North West's participation.</summary>
    private async Task<(int Theirs, int Ours, int Knowsley)> FiguresAsync(int knowsley)
    {
        var theirs = await _app.CreateClientAs(TestData.OtherCoordinator).GetDocumentAsync("/dashboard");
        var ours = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/dashboard");
        var participation = await _app.CreateClientAs(TestData.OtherCoordinator).GetDocumentAsync("/dashboard/participation");
        var row = participation.QuerySelector($"tr[data-partnership='{knowsley}']")!;
        return (int.Parse(theirs.QuerySelector("#figure-national-places")!.TextContent), int.Parse(ours.QuerySelector("#figure-national-places")!.TextContent),
            int.Parse(row.QuerySelectorAll("td")[1].TextContent.Trim())); // places booked
    }

    /// <summary>North West staff of Knowsley, signed in through the test scheme.</summary>
    private async Task<IReadOnlyList<string>> NorthWestPeopleAsync(int count)
    {
        var (regionId, partnershipId) = await _app.AddOtherRegionAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var prefix = Guid.NewGuid().ToString("N")[..6];
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"nw{i}.{prefix}@north-west.example";
            var user = new AppUser { UserName = email, Email = email, DisplayName = $"North West {i}", Role = Roles.LspStaff, RegionId = regionId, PartnershipId = partnershipId };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            await users.AddToRoleAsync(user, Roles.LspStaff);
            emails.Add(email);
        }
        return emails;
    }

    /// <summary>As the booking race test: every person's antiforgery token first, then all the booking POSTs at once.</summary>
    private async Task<HttpStatusCode[]> BookAllAtOnceAsync(IReadOnlyList<string> people, int activityId)
    {
        var prepared = new List<(HttpClient Client, string Token)>();
        foreach (var person in people)
        {
            var client = _app.CreateClientAs(person);
            var page = await client.GetDocumentAsync($"/activities/{activityId}");
            var token = page.QuerySelector("form[action*='handler=Book'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            prepared.Add((client, token));
        }
        var responses = await Task.WhenAll(prepared.Select(p => p.Client.PostAsync($"/activities/{activityId}?handler=Book",
            new FormUrlEncodedContent([new("__RequestVerificationToken", p.Token)]))));
        return responses.Select(r => r.StatusCode).ToArray();
    }
}
