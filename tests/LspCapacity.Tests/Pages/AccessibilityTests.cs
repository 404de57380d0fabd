using System.Net;
using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// What an accessibility audit asked for that a page test can see: landmarks, the statement, the language,
/// titles and input purpose. Reflow at 320 px and axe on every page are in BrowserTests/EveryPageTests.cs.
/// </summary>
public class AccessibilityTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public AccessibilityTests(AppFactory app) => _app = app;

    [Fact]
    public async Task AccountBarAndServiceNavigation_AreInTheBannerLandmark()
    {
        var signedIn = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/activities");
        var header = signedIn.QuerySelector("body > header")!;
        Assert.NotNull(header.QuerySelector("nav.govuk-service-navigation__wrapper"));
        var account = header.QuerySelector("nav[aria-label='Account']")!;
        Assert.Contains("Signed in as Chris Coordinator", account.TextContent);
        Assert.NotNull(account.QuerySelector("form[action='/account/sign-out'] button"));

        var anonymous = await _app.CreateAnonymousClient().GetDocumentAsync("/library");
        Assert.NotNull(anonymous.QuerySelector("body > header nav[aria-label='Account'] a[href='/account/sign-in']"));
    }

    [Fact]
    public async Task AccessibilityStatement_IsPublic_LinkedFromTheFooter_AndNamesTheExceptions()
    {
        var anonymous = _app.CreateAnonymousClient();
        var statement = await anonymous.GetDocumentAsync("/accessibility");

        Assert.Equal("Accessibility statement for the LSP Capacity Building Programme", statement.QuerySelector("h1")!.TextContent);
        var text = statement.QuerySelector("main")!.TextContent;
        Assert.Contains("/jobs", text); // the known exception: Hangfire's dashboard
        Assert.Contains("1.4.3", text);
        Assert.Contains("Enforcement procedure", text);
        Assert.Contains("Equality and Human Rights Commission", text);
        Assert.Contains("How we tested this website", text);
        Assert.Contains("region's programme coordinator", text); // how to report a problem, with no address configured
        foreach (var page in new[] { "/", "/library", "/account/sign-in", "/accessibility" })
        {
            Assert.NotNull((await anonymous.GetDocumentAsync(page)).QuerySelector("footer a[href='/accessibility']"));
        }
        Assert.NotNull((await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/dashboard")).QuerySelector("footer a[href='/accessibility']"));
    }

    [Fact]
    public async Task AccessibilityStatement_GivesTheConfiguredContact()
    {
        await using var app = new AppFactory();
        app.Settings["App:AccessibilityContact"] = "access@gowm.example";

        var statement = await app.CreateAnonymousClient().GetDocumentAsync("/accessibility");

        Assert.NotNull(statement.QuerySelector("main a[href='mailto:access@gowm.example']"));
    }

    [Fact]
    public async Task JobDashboard_DeclaresEnglish_NotTheInvariantCulture()
    {
        var response = await _app.CreateClientAs(Demo.Admin).GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Hangfire writes the UI culture's two-letter language: "iv" in the invariant culture, "en" in en-GB.
        Assert.Equal("en", (await response.ParseAsync()).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task PagedLists_SayWhichPageInTheTitle()
    {
        await _app.PeopleAsync(50, "Walsall"); // 55 people, 50 a page
        var coordinator = _app.CreateClientAs(Demo.Coordinator);

        Assert.Equal("People (page 1 of 2) – LSP Capacity Building Programme", (await coordinator.GetDocumentAsync("/people")).Title);
        var second = await coordinator.GetDocumentAsync("/people?page=2");
        Assert.Equal("People (page 2 of 2) – LSP Capacity Building Programme", second.Title);
        Assert.Equal("People", second.QuerySelector("h1")!.TextContent);
        // One page: no page number.
        Assert.Equal("Peer reviews – LSP Capacity Building Programme", (await coordinator.GetDocumentAsync("/reviews")).Title);
    }

    [Fact]
    public async Task PastBookings_AndTheMoveAndRemoveSteps_HaveTitlesOfTheirOwn()
    {
        var staff = _app.CreateClientAs(Demo.StaffCoventry);
        Assert.Equal("My bookings – LSP Capacity Building Programme", (await staff.GetDocumentAsync("/my/bookings")).Title);
        Assert.Equal("Past bookings – My bookings – LSP Capacity Building Programme", (await staff.GetDocumentAsync("/my/bookings?past=true")).Title);

        var activity = await _app.PublishedActivityAsync(title: "Titles masterclass");
        await _app.BookAsync(Demo.StaffCoventry, activity);
        var booking = (await _app.BookingsAsync(activity)).Single();
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        Assert.Equal("Bookings: Titles masterclass – LSP Capacity Building Programme",
            (await coordinator.GetDocumentAsync($"/activities/{activity}/bookings")).Title);
        Assert.Equal("Move a booking – Bookings: Titles masterclass – LSP Capacity Building Programme",
            (await coordinator.GetDocumentAsync($"/activities/{activity}/bookings?move={booking.Id}")).Title);
        Assert.Equal("Remove a booking – Bookings: Titles masterclass – LSP Capacity Building Programme",
            (await coordinator.GetDocumentAsync($"/activities/{activity}/bookings?remove={booking.Id}")).Title);
    }

    [Fact]
    public async Task FieldsForYourOwnDetails_SayWhatTheyAreFor()
    {
        var profile = await _app.CreateClientAs(Demo.Mentor).GetDocumentAsync("/mentors/profile");
        Assert.Equal("organization", profile.QuerySelector("input[name='Input.Organisation']")!.GetAttribute("autocomplete"));

        var write = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/library/write");
        Assert.Equal("name", write.QuerySelector("input[name='Input.ContactName']")!.GetAttribute("autocomplete"));
        Assert.Equal("email", write.QuerySelector("input[name='Input.ContactEmail']")!.GetAttribute("autocomplete"));
    }

    [Fact]
    public async Task Emails_PutTheArticleBeforeTheRegionsName()
    {
        await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/people/invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ray Region",
            ["Input.Email"] = "ray@walsall.example",
            ["Input.Organisation"] = "",
            ["Input.Role"] = "LspStaff",
            ["Input.PartnershipId"] = (await _app.PartnershipIdAsync("Walsall")).ToString(),
        });

        var invitation = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == "ray@walsall.example"));
        Assert.Contains("in the West Midlands as", invitation.TextBody);
        Assert.Contains("in the West Midlands as", invitation.HtmlBody);
    }
}
