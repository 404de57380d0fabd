using System.Net;
using Ical.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Activities;

public class BookingTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public BookingTests(AppFactory app) => _app = app;

    /// <summary>Gets every person's antiforgery token first, then fires all the booking POSTs at once.</summary>
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

    [Fact]
    public async Task HundredConcurrentRequests_ForTheLastTenPlaces_ConfirmExactlyTen()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 12);
        var early = await _app.PeopleAsync(2, "Walsall");
        foreach (var person in early)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await _app.BookAsync(person, activity)).StatusCode);
        }
        var people = await _app.PeopleAsync(100, "Birmingham", "Coventry", "Dudley", "Sandwell");

        var statuses = await BookAllAtOnceAsync(people, activity);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var bookings = await _app.BookingsAsync(activity);
        Assert.Equal(12, bookings.Count(b => b.Status == BookingStatus.Confirmed));
        Assert.Equal(90, bookings.Count(b => b.Status == BookingStatus.Waitlisted));
        Assert.Equal(102, bookings.Select(b => b.PersonId).Distinct().Count());
        Assert.Equal(12, await _app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).Select(a => a.ConfirmedCount).SingleAsync()));
    }

    [Fact]
    public async Task HundredConcurrentRequests_HonourThePartnershipCap()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 50, partnershipCap: 3);
        var people = await _app.PeopleAsync(100, "Solihull", "Herefordshire", "Telford and Wrekin", "Rugby");

        var statuses = await BookAllAtOnceAsync(people, activity);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var bookings = await _app.BookingsAsync(activity);
        var confirmedPerPartnership = bookings.Where(b => b.Status == BookingStatus.Confirmed).GroupBy(b => b.PartnershipId).Select(g => g.Count()).ToList();
        Assert.Equal(4, confirmedPerPartnership.Count);
        Assert.All(confirmedPerPartnership, count => Assert.Equal(3, count));
        Assert.Equal(88, bookings.Count(b => b.Status == BookingStatus.Waitlisted));
    }

    [Fact]
    public async Task SamePersonBookingTenTimesAtOnce_GetsOneBooking()
    {
        var activity = await _app.PublishedActivityAsync();
        var person = (await _app.PeopleAsync(1, "Coventry"))[0];

        var statuses = await BookAllAtOnceAsync(Enumerable.Repeat(person, 10).ToList(), activity);

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        var bookings = await _app.BookingsAsync(activity);
        Assert.Single(bookings);
        Assert.Equal(BookingStatus.Confirmed, bookings[0].Status);
    }

    [Fact]
    public async Task Booking_ConfirmsWithACalendarInvitation()
    {
        var activity = await _app.PublishedActivityAsync(title: "Commissioning workshop");
        var person = (await _app.PeopleAsync(1, "Dudley"))[0];

        var response = await _app.BookAsync(person, activity);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email = Assert.Single(await _app.DeliveredToAsync(person));
        Assert.Equal("Place confirmed: Commissioning workshop", email.Subject);
        var ics = Assert.Single(email.Attachments.OfType<MimeKit.MimePart>(), p => p.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()))!;
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal($"activity-{activity}@lsp.example", calendar.Events.Single().Uid);

        var page = await _app.CreateClientAs(person).GetDocumentAsync($"/activities/{activity}");
        Assert.Contains("Place confirmed", page.QuerySelector(".app-booking-panel")!.TextContent);
    }

    [Fact]
    public async Task FullActivity_Waitlists_AndACancellationPromotesExactlyTheFirst()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 1);
        var people = await _app.PeopleAsync(3, "Sandwell");
        foreach (var person in people)
        {
            await _app.BookAsync(person, activity);
        }
        var before = await _app.BookingsAsync(activity);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Waitlisted, BookingStatus.Waitlisted], before.Select(b => b.Status));
        var waiting = await _app.CreateClientAs(people[2]).GetDocumentAsync($"/activities/{activity}");
        Assert.Contains("You are number 2", waiting.QuerySelector(".app-booking-panel")!.TextContent);

        var cancel = await _app.CreateClientAs(people[0]).SubmitFormAsync($"/activities/{activity}?cancel=true", new Dictionary<string, string>(),
            "form[action*='handler=CancelBooking']");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        var after = await _app.BookingsAsync(activity);
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Confirmed, BookingStatus.Waitlisted], after.Select(b => b.Status));
        // Each booking, the cancellation and the promotion are audited against the booking's own id.
        var audit = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Booking))
            .Select(a => new { a.Action, a.EntityId }).ToListAsync());
        Assert.All(after, b => Assert.Contains(audit, a => a.Action == "booking.created" && a.EntityId == b.Id.ToString()));
        Assert.Contains(audit, a => a.Action == "booking.cancelled" && a.EntityId == after[0].Id.ToString());
        Assert.Contains(audit, a => a.Action == "booking.promoted" && a.EntityId == after[1].Id.ToString());
        var promoted = await _app.DeliveredToAsync(people[1]);
        Assert.Contains(promoted, m => (m.Subject ?? "").StartsWith("A place has come up", StringComparison.Ordinal));
        Assert.DoesNotContain(await _app.DeliveredToAsync(people[2]), m => (m.Subject ?? "").StartsWith("A place has come up", StringComparison.Ordinal));
        var cancelled = await _app.DeliveredToAsync(people[0]);
        var cancelEmail = Assert.Single(cancelled, m => (m.Subject ?? "").StartsWith("Booking cancelled", StringComparison.Ordinal));
        Assert.Contains(cancelEmail.Attachments, a => a.ContentType.Parameters["method"] == "CANCEL");
    }

    [Theory]
    [InlineData(BookingMode.FirstCome, "Cancel my place", "Are you sure you want to cancel your place?", "Yes, cancel my place")]
    [InlineData(BookingMode.Approval, "Withdraw my request", "Are you sure you want to withdraw your request?", "Yes, withdraw my request")]
    public async Task CancellingMyBooking_AsksAreYouSure_First_WithoutJavaScript(BookingMode mode, string action, string question, string yes)
    {
        var activity = await _app.PublishedActivityAsync(mode: mode);
        var person = (await _app.PeopleAsync(1, "Solihull"))[0];
        await _app.BookAsync(person, activity);
        var client = _app.CreateClientAs(person);

        // The button is a plain link to the second step: following it changes nothing.
        var page = await client.GetDocumentAsync($"/activities/{activity}");
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=CancelBooking']"));
        var button = page.QuerySelectorAll(".app-booking-panel a").Single(a => a.TextContent.Trim() == action);
        var asking = await client.GetDocumentAsync(button.GetAttribute("href")!);
        var panel = asking.QuerySelector(".app-booking-panel")!;
        Assert.Contains(question, panel.TextContent);
        Assert.Equal(yes, panel.QuerySelector("form[action*='handler=CancelBooking'] button")!.TextContent.Trim());
        Assert.Equal($"/activities/{activity}", panel.QuerySelectorAll("a").Single(a => a.TextContent == "No, go back").GetAttribute("href"));
        Assert.True(Assert.Single(await _app.BookingsAsync(activity)).IsLive);

        var cancelled = await client.SubmitAsync(asking, button.GetAttribute("href")!, new Dictionary<string, string>(),
            "form[action*='handler=CancelBooking']");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, Assert.Single(await _app.BookingsAsync(activity)).Status);
    }

    [Fact]
    public async Task CancellingFreesAPlace_ForTheFirstPersonWaitingWhoFitsThePartnershipCap()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 2, partnershipCap: 1);
        var first = (await _app.PeopleAsync(1, "Walsall"))[0];
        var sameCapped = (await _app.PeopleAsync(1, "Walsall"))[0];
        var leaving = (await _app.PeopleAsync(1, "Dudley"))[0];
        var next = (await _app.PeopleAsync(1, "Sandwell"))[0];
        foreach (var person in new[] { first, sameCapped, leaving, next })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await _app.BookAsync(person, activity)).StatusCode);
        }
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Waitlisted, BookingStatus.Confirmed, BookingStatus.Waitlisted],
            (await _app.BookingsAsync(activity)).Select(b => b.Status));

        var cancel = await _app.CreateClientAs(leaving).SubmitFormAsync($"/activities/{activity}?cancel=true", new Dictionary<string, string>(),
            "form[action*='handler=CancelBooking']");

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        // Walsall already has its one place, so the place skips the first in the queue and goes to Sandwell.
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Waitlisted, BookingStatus.Cancelled, BookingStatus.Confirmed],
            (await _app.BookingsAsync(activity)).Select(b => b.Status));
        Assert.Equal(2, await _app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).Select(a => a.ConfirmedCount).SingleAsync()));
    }

    [Fact]
    public async Task ApprovalMode_RequestTakesNoPlace_UntilACoordinatorApproves()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 1, mode: BookingMode.Approval);
        var person = (await _app.PeopleAsync(1, "Walsall"))[0];

        await _app.BookAsync(person, activity);
        var requested = Assert.Single(await _app.BookingsAsync(activity));
        Assert.Equal(BookingStatus.Requested, requested.Status);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).Select(a => a.ConfirmedCount).SingleAsync()));

        var approve = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{activity}/bookings",
            new Dictionary<string, string>(), button: "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, Assert.Single(await _app.BookingsAsync(activity)).Status);
        Assert.Contains(await _app.DeliveredToAsync(person), m => (m.Subject ?? "").StartsWith("Place confirmed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coordinator_RemovesWithAReason_WhichIsAudited_AndThePersonIsTold()
    {
        var activity = await _app.PublishedActivityAsync();
        var person = (await _app.PeopleAsync(1, "Dudley"))[0];
        await _app.BookAsync(person, activity);
        var booking = Assert.Single(await _app.BookingsAsync(activity));
        var coordinator = _app.CreateClientAs(Demo.Coordinator);

        var noReason = await coordinator.SubmitFormAsync($"/activities/{activity}/bookings?remove={booking.Id}",
            new Dictionary<string, string> { ["Reason"] = "" }, "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Enter a reason", (await noReason.ParseAsync()).ErrorSummary());

        var removed = await coordinator.SubmitFormAsync($"/activities/{activity}/bookings?remove={booking.Id}",
            new Dictionary<string, string> { ["Reason"] = "Duplicate of a colleague's place" }, "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, Assert.Single(await _app.BookingsAsync(activity)).Status);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "booking.removed"
            && a.EntityId == booking.Id.ToString() && a.Details == "Duplicate of a colleague's place")));
        var email = Assert.Single(await _app.DeliveredToAsync(person), m => (m.Subject ?? "").StartsWith("Booking cancelled", StringComparison.Ordinal));
        Assert.Contains("Duplicate of a colleague's place", email.TextBody);
    }

    [Fact]
    public async Task BookingACancelledActivity_SaysSo_NotA500()
    {
        var activity = await _app.PublishedActivityAsync();
        var person = (await _app.PeopleAsync(1, "Coventry"))[0];
        var client = _app.CreateClientAs(person);
        var page = await client.GetDocumentAsync($"/activities/{activity}");

        var cancel = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{activity}",
            new Dictionary<string, string> { ["CancelReason"] = "Speaker unwell" }, "form[action*='handler=CancelActivity']");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        // The person still has the old page open and presses Book.
        var response = await client.SubmitAsync(page, $"/activities/{activity}", new Dictionary<string, string>(), "form[action*='handler=Book']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This activity has been cancelled.", (await response.ParseAsync()).ErrorSummary());
        Assert.Empty(await _app.BookingsAsync(activity));
    }

    [Fact]
    public async Task Staff_CannotSeeAnotherPersonsBookingsOrManageOne()
    {
        var activity = await _app.PublishedActivityAsync();
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/activities/{activity}/bookings")).StatusCode);
        var forged = await staff.PostWithTokenAsync($"/activities/{activity}", $"/activities/{activity}/bookings?handler=Promote",
            new Dictionary<string, string> { ["BookingId"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }
}
