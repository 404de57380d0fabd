using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Projects;

/// <summary>
/// A booking, a placement, a peer review and a case study each name the supported project they serve: only an
/// active project of their own partnership (a case study may name a closed one); anything else is refused with
/// a clear error on the form, never a 500; the page links back to the project.
/// </summary>
public class SupportLinkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int Birmingham, int Coventry, int Proposed)> ProjectsAsync(string suffix) =>
        (await app.AddAsync("Birmingham", Demo.StaffBirmingham, $"Birmingham project {suffix}"),
         await app.AddAsync("Coventry", Demo.StaffCoventry, $"Coventry project {suffix}"),
         await app.AddAsync("Birmingham", Demo.StaffBirmingham, $"Birmingham proposal {suffix}", ProjectStatus.Proposed));

    [Fact]
    public async Task Booking_ForOwnActiveProject_IsLinked_AndShownOnMyBookingsAndTheActivity()
    {
        var (birmingham, _, _) = await ProjectsAsync("booking");
        var activity = await app.PublishedActivityAsync(title: "Linked seminar");
        var client = app.CreateClientAs(Demo.StaffBirmingham);

        var page = await client.GetDocumentAsync($"/activities/{activity}");
        Assert.NotNull(page.QuerySelector($"select[name='ProjectId'] option[value='{birmingham}']"));
        var response = await client.SubmitAsync(page, $"/activities/{activity}", new Dictionary<string, string> { ["ProjectId"] = birmingham.ToString() },
            "form[action*='handler=Book']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var booking = Assert.Single(await app.BookingsAsync(activity));
        Assert.Equal(birmingham, booking.ProjectId);

        var details = await client.GetDocumentAsync($"/activities/{activity}");
        Assert.NotNull(details.QuerySelector($"#place-project a[href='/projects/{birmingham}']"));
        var mine = await client.GetDocumentAsync("/my/bookings");
        Assert.NotNull(mine.QuerySelector($".app-booking-project a[href='/projects/{birmingham}']"));
    }

    [Fact]
    public async Task Booking_ForAnotherPartnershipsProject_IsRefused_OnTheForm()
    {
        var (_, coventry, proposed) = await ProjectsAsync("refused booking");
        var activity = await app.PublishedActivityAsync(title: "Refused seminar");
        var client = app.CreateClientAs(Demo.StaffBirmingham);
        var page = await client.GetDocumentAsync($"/activities/{activity}");
        Assert.Null(page.QuerySelector($"select[name='ProjectId'] option[value='{coventry}']")); // not offered

        foreach (var (project, message) in new[] { (coventry, "another partnership's project"), (proposed, "not a supported project") })
        {
            var response = await client.SubmitAsync(page, $"/activities/{activity}", new Dictionary<string, string> { ["ProjectId"] = project.ToString() },
                "form[action*='handler=Book']");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var errors = (await response.ParseAsync()).ErrorSummary();
            Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
        }
        Assert.Empty(await app.BookingsAsync(activity));
    }

    [Fact]
    public async Task BookingProject_ChosenLater_FromMyBookings_OnlyOwnPartnershipsProject_AndOnlyByThePerson()
    {
        var (birmingham, coventry, _) = await ProjectsAsync("later");
        var activity = await app.PublishedActivityAsync(title: "Later seminar");
        await app.BookAsync(Demo.StaffBirmingham, activity);
        var bookingId = Assert.Single(await app.BookingsAsync(activity)).Id;
        var client = app.CreateClientAs(Demo.StaffBirmingham);
        var url = $"/my/bookings/{bookingId}/project";

        var refused = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Choice"] = coventry.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains((await refused.ParseAsync()).ErrorSummary(), e => e.Contains("another partnership's project", StringComparison.Ordinal));
        Assert.Null(Assert.Single(await app.BookingsAsync(activity)).ProjectId);

        var chosen = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Choice"] = birmingham.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(birmingham, Assert.Single(await app.BookingsAsync(activity)).ProjectId);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(Demo.StaffCoventry).GetAsync(url)).StatusCode);
        var none = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Choice"] = "none" });
        Assert.Equal(HttpStatusCode.Redirect, none.StatusCode);
        Assert.Null(Assert.Single(await app.BookingsAsync(activity)).ProjectId);
    }

    [Fact]
    public async Task ActivityBookingsPage_CountsAttendeesWhoCameForAProject()
    {
        var (birmingham, _, _) = await ProjectsAsync("counted");
        var activity = await app.PublishedActivityAsync(title: "Counted seminar");
        await app.CreateClientAs(Demo.StaffBirmingham).SubmitFormAsync($"/activities/{activity}",
            new Dictionary<string, string> { ["ProjectId"] = birmingham.ToString() }, "form[action*='handler=Book']");
        await app.BookAsync(Demo.StaffCoventry, activity);
        var page = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/activities/{activity}/bookings");
        Assert.Contains("1 of 2", page.QuerySelector("#for-projects")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main table a[href='/projects/{birmingham}']"));
    }

    [Fact]
    public async Task Placement_ServesTheMenteesPartnershipsProject_AnotherIsRefused()
    {
        var (birmingham, coventry, _) = await ProjectsAsync("placement");
        var placementId = await app.WithDbAsync(db => db.Placements.Select(p => p.Id).FirstAsync()); // the demo mentoring of Birmingham
        var client = app.CreateClientAs(Demo.StaffBirmingham);
        var url = $"/placements/{placementId}";

        var refused = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["ProjectId"] = coventry.ToString() }, "form[action*='handler=Project']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var document = await refused.ParseAsync();
        Assert.Contains(document.ErrorSummary(), e => e.Contains("another partnership's project", StringComparison.Ordinal));
        Assert.Null(await app.WithDbAsync(db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProjectId).SingleAsync()));

        var linked = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["ProjectId"] = birmingham.ToString() }, "form[action*='handler=Project']");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(birmingham, await app.WithDbAsync(db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProjectId).SingleAsync()));
        var shown = await client.GetDocumentAsync(url);
        Assert.NotNull(shown.QuerySelector($"#placement-project a[href='/projects/{birmingham}']"));
    }

    [Fact]
    public async Task Review_ServesTheHostsProject_AnotherIsRefused_AndAPeerCannotChooseIt()
    {
        var (birmingham, coventry, _) = await ProjectsAsync("review");
        var reviewId = await app.WithDbAsync(db => db.PeerReviews.Select(r => r.Id).FirstAsync()); // the demo review of Birmingham
        var url = $"/reviews/{reviewId}";
        var coordinator = app.CreateClientAs(Demo.Coordinator);

        var refused = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["ProjectId"] = coventry.ToString() }, "form[action*='handler=Project']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains((await refused.ParseAsync()).ErrorSummary(), e => e.Contains("another partnership's project", StringComparison.Ordinal));

        // Coventry's staff are peers on the review: they may read it, not say what it serves.
        var peer = await app.CreateClientAs(Demo.StaffCoventry).PostWithTokenAsync(url, url + "?handler=Project",
            new Dictionary<string, string> { ["ProjectId"] = birmingham.ToString() });
        Assert.Equal(HttpStatusCode.OK, peer.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == reviewId).Select(r => r.ProjectId).SingleAsync()));

        var linked = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["ProjectId"] = birmingham.ToString() }, "form[action*='handler=Project']");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(birmingham, await app.WithDbAsync(db => db.PeerReviews.Where(r => r.Id == reviewId).Select(r => r.ProjectId).SingleAsync()));
        Assert.NotNull((await coordinator.GetDocumentAsync(url)).QuerySelector($"#review-project a[href='/projects/{birmingham}']"));
    }

    [Fact]
    public async Task CaseStudy_NamingAnotherPartnershipsProject_IsRefused_WithInputKept()
    {
        var (birmingham, coventry, _) = await ProjectsAsync("case study");
        var client = app.CreateClientAs(Demo.StaffBirmingham);
        var page = await client.GetDocumentAsync("/library/write");
        Assert.NotNull(page.QuerySelector($"select[name='Input.ProjectId'] option[value='{birmingham}']"));
        var theme = page.QuerySelector("input[name='Input.ThemeIds']")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Linked practice", ["Input.Summary"] = "What we did.", ["Input.Body"] = "The story.", ["Input.Kind"] = "Project",
            ["Input.ThemeIds"] = theme, ["Input.ProjectId"] = coventry.ToString(),
        };
        var refused = await client.SubmitAsync(page, "/library/write", values, button: "Save draft");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var document = await refused.ParseAsync();
        Assert.Contains(document.ErrorSummary(), e => e.Contains("another partnership's project", StringComparison.Ordinal));
        Assert.Equal("Linked practice", document.FieldValue("Input.Title"));
        Assert.False(await app.WithDbAsync(db => db.CaseStudies.AnyAsync(c => c.Title == "Linked practice")));

        values["Input.ProjectId"] = birmingham.ToString();
        var saved = await client.SubmitAsync(page, "/library/write", values, button: "Save draft");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(birmingham, await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Title == "Linked practice").Select(c => c.ProjectId).SingleAsync()));
    }
}
