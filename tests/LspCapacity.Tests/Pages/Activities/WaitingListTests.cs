using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using MimeKit;

namespace LspCapacity.Tests.Pages.Activities;

/// <summary>
/// The waiting list through the pages: changes that free places promote at once, in order, with the usual
/// email and invitation; and whoever waits (or a coordinator) is told what really holds them back.
/// </summary>
public class WaitingListTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public WaitingListTests(AppFactory app) => _app = app;

    private async Task<IReadOnlyList<BookingStatus>> StatusesAsync(int activity) =>
        (await _app.BookingsAsync(activity)).Select(b => b.Status).ToList();

    private Task<HttpResponseMessage> EditAsync(int activity, Dictionary<string, string> values) =>
        _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{activity}/edit", values);

    private static bool HasInvitation(MimeMessage message, string method) =>
        message.Attachments.Any(a => a.ContentType.MimeType == "text/calendar" && a.ContentType.Parameters["method"] == method);

    private static string Banner(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector(".govuk-notification-banner")?.TextContent ?? "";

    [Fact]
    public async Task RaisingCapacity_GivesThePlaceToTheFirstWaiting_WithAnInvitation_SoALaterBookerWaits()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 1);
        var people = await _app.PeopleAsync(3, "Sandwell", "Dudley", "Walsall");
        await _app.BookAsync(people[0], activity);
        await _app.BookAsync(people[1], activity);

        var coordinator = _app.CreateClientAs(Demo.Coordinator);

        var edit = await coordinator.SubmitFormAsync($"/activities/{activity}/edit", new Dictionary<string, string> { ["Input.Capacity"] = "2" });

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Confirmed], await StatusesAsync(activity));
        var promoted = Assert.Single(await _app.DeliveredToAsync(people[1]), m => (m.Subject ?? "").StartsWith("A place has come up", StringComparison.Ordinal));
        Assert.True(HasInvitation(promoted, "REQUEST"));
        await _app.BookAsync(people[2], activity);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Waitlisted], await StatusesAsync(activity));
        Assert.Contains("1 person from the waiting list has been given a place", Banner(await coordinator.GetDocumentAsync($"/activities/{activity}")));
    }

    [Fact]
    public async Task RaisingThePartnershipCap_PromotesThoseItHeldBack()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 5, partnershipCap: 1);
        var people = await _app.PeopleAsync(2, "Walsall");
        await _app.BookAsync(people[0], activity);
        await _app.BookAsync(people[1], activity);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Waitlisted], await StatusesAsync(activity));

        var edit = await EditAsync(activity, new() { ["Input.PartnershipCap"] = "2" });

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Confirmed], await StatusesAsync(activity));
        Assert.Contains(await _app.DeliveredToAsync(people[1]),
            m => (m.Subject ?? "").StartsWith("A place has come up", StringComparison.Ordinal) && HasInvitation(m, "REQUEST"));
    }

    [Fact]
    public async Task EndingApproval_ConfirmsRequestsInOrderIntoFreePlaces_AndQueuesTheRest()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 2, mode: BookingMode.Approval);
        var people = await _app.PeopleAsync(3, "Coventry", "Solihull", "Rugby");
        foreach (var person in people)
        {
            await _app.BookAsync(person, activity);
        }
        await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{activity}/bookings", new Dictionary<string, string>(), button: "Approve");
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Requested, BookingStatus.Requested], await StatusesAsync(activity));

        var edit = await EditAsync(activity, new() { ["Input.Mode"] = nameof(BookingMode.FirstCome) });

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Waitlisted], await StatusesAsync(activity));
        Assert.Contains(await _app.DeliveredToAsync(people[1]),
            m => (m.Subject ?? "").StartsWith("Place confirmed", StringComparison.Ordinal) && HasInvitation(m, "REQUEST"));
        Assert.Contains(await _app.DeliveredToAsync(people[2]), m => (m.Subject ?? "").StartsWith("On the waiting list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HeldBackByThePartnershipCap_TheBookerEmailAndWaitingPageSaySo_AndPromoteRefusesNamingTheCap()
    {
        // Two of three places taken, at most two per partnership: the third from that partnership waits with a place free.
        var activity = await _app.PublishedActivityAsync(capacity: 3, partnershipCap: 2, title: "Capped workshop");
        var walsall = await _app.PeopleAsync(4, "Walsall");
        await _app.BookAsync(walsall[0], activity);
        await _app.BookAsync(walsall[1], activity);
        var third = _app.CreateClientAs(walsall[2]);
        var before = await third.GetDocumentAsync($"/activities/{activity}");
        Assert.Equal("Join the waiting list", before.QuerySelector("form[action*='handler=Book'] button")!.TextContent.Trim());

        var booked = await third.SubmitAsync(before, $"/activities/{activity}", new Dictionary<string, string>(), "form[action*='handler=Book']");

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var page = await third.GetDocumentAsync($"/activities/{activity}");
        var banner = Banner(page);
        Assert.Contains("because your partnership already has 2 places on this activity, the most one partnership may have", banner);
        Assert.DoesNotContain("is full", banner);
        var panel = page.QuerySelector(".app-booking-panel")!.TextContent;
        Assert.Contains("You are number 1", panel);
        Assert.Contains("But your partnership already has 2 places", panel);
        Assert.Contains("free places go to people from other partnerships", panel);
        var email = Assert.Single(await _app.DeliveredToAsync(walsall[2]), m => (m.Subject ?? "").StartsWith("On the waiting list", StringComparison.Ordinal));
        Assert.Contains("because your partnership already has 2 places on this activity", email.TextBody);
        Assert.DoesNotContain("is full", email.TextBody);
        Assert.Contains("because your partnership already has 2 places on this activity", email.HtmlBody);

        var promote = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{activity}/bookings",
            new Dictionary<string, string>(), button: "Promote");

        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        var error = Assert.Single((await promote.ParseAsync()).ErrorSummary());
        Assert.StartsWith("Their partnership already has 2 places on this activity", error);
        Assert.Equal(BookingStatus.Waitlisted, (await StatusesAsync(activity))[2]);
    }

    [Fact]
    public async Task ApprovingBeyondThePartnershipCap_TellsTheCoordinatorItIsTheCap_NotAFullActivity()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 3, partnershipCap: 1, mode: BookingMode.Approval);
        var walsall = await _app.PeopleAsync(2, "Walsall");
        await _app.BookAsync(walsall[0], activity);
        await _app.BookAsync(walsall[1], activity);
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        await coordinator.SubmitFormAsync($"/activities/{activity}/bookings", new Dictionary<string, string>(), button: "Approve");

        var approved = await coordinator.SubmitFormAsync($"/activities/{activity}/bookings", new Dictionary<string, string>(), button: "Approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Waitlisted], await StatusesAsync(activity));
        var banner = Banner(await coordinator.GetDocumentAsync($"/activities/{activity}/bookings"));
        Assert.Contains("Request approved, but their partnership already has 1 place on this activity", banner);
        Assert.DoesNotContain("is full", banner);
        Assert.Contains(await _app.DeliveredToAsync(walsall[1]), m => (m.Subject ?? "").StartsWith("On the waiting list", StringComparison.Ordinal)
            && (m.TextBody ?? "").Contains("because your partnership already has 1 place on this activity", StringComparison.Ordinal));
    }
}
