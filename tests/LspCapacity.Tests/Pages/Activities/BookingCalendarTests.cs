using System.Net;
using Ical.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using MimeKit;

namespace LspCapacity.Tests.Pages.Activities;

/// <summary>
/// The calendar side of booking emails, read back as a calendar program would: REQUEST and CANCEL name
/// the organiser and the person (RFC 5546), and only a confirmed place is ever put in or taken out of a
/// calendar — a request or a place on the waiting list gets words, never a CANCEL, and never shows in the
/// person's feed.
/// </summary>
public class BookingCalendarTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public BookingCalendarTests(AppFactory app) => _app = app;

    private static MimeMessage Single(IReadOnlyList<MimeMessage> emails, string subjectStart) =>
        Assert.Single(emails, m => (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal));

    private static async Task<(Calendar Calendar, string Text)> InviteAsync(MimeMessage email)
    {
        var part = Assert.Single(email.Attachments.OfType<MimePart>(), a => a.ContentType.IsMimeType("text", "calendar"));
        using var stream = new MemoryStream();
        await part.Content!.DecodeToAsync(stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        return (Calendar.Load(text)!, text);
    }

    /// <summary>Cancels the person's own booking as they would: the button, then "Yes" on the second step.</summary>
    private async Task<HttpResponseMessage> CancelMineAsync(string person, int activity)
    {
        var client = _app.CreateClientAs(person);
        var page = await client.GetDocumentAsync($"/activities/{activity}");
        var link = page.QuerySelector(".app-booking-panel a.govuk-button--warning")!.GetAttribute("href")!;
        return await client.SubmitFormAsync(link, new Dictionary<string, string>(), "form[action*='handler=CancelBooking']");
    }

    private async Task<Calendar> FeedOfAsync(string person)
    {
        var client = _app.CreateClientAs(person);
        Assert.Equal(HttpStatusCode.Redirect,
            (await client.SubmitFormAsync("/my/bookings", new Dictionary<string, string>(), "form[action*='handler=Feed']")).StatusCode);
        var url = (await client.GetDocumentAsync("/my/bookings")).QuerySelector("#feed-url")!.GetAttribute("value")!;
        var feed = await _app.CreateAnonymousClient().GetStringAsync(new Uri(url).PathAndQuery);
        return Calendar.Load(feed)!;
    }

    [Fact]
    public async Task Invitation_AndCancellation_NameTheOrganiserAndThePersonWithTheirPart()
    {
        var activity = await _app.PublishedActivityAsync(title: "Attendee seminar");
        var person = (await _app.PeopleAsync(1, "Walsall"))[0];
        await _app.BookAsync(person, activity);
        Assert.Equal(HttpStatusCode.Redirect, (await CancelMineAsync(person, activity)).StatusCode);

        var emails = await _app.DeliveredToAsync(person);
        var confirmed = Single(emails, "Place confirmed");
        var (request, requestText) = await InviteAsync(confirmed);
        Assert.Equal("REQUEST", request.Method);
        var invited = Assert.Single(request.Events);
        var from = confirmed.From.Mailboxes.Single();
        var organiser = from.Address;
        Assert.Equal($"mailto:{organiser}", invited.Organizer?.Value?.ToString());
        var attendee = Assert.Single(invited.Attendees);
        Assert.Equal($"mailto:{person}", attendee.Value?.ToString());
        Assert.Equal("Person 0", attendee.CommonName);
        Assert.Equal("ACCEPTED", attendee.ParticipationStatus);
        // Unfolded (RFC 5545 §3.1); the mail's text part may come back with bare line feeds.
        var lines = requestText.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal).Split('\n');
        Assert.Contains($"ORGANIZER;CN=\"{from.Name}\":mailto:{organiser}", lines);
        Assert.Contains($"ATTENDEE;CN=\"Person 0\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:{person}", lines);

        var (cancel, _) = await InviteAsync(Single(emails, "Booking cancelled"));
        Assert.Equal("CANCEL", cancel.Method);
        var removed = Assert.Single(cancel.Events);
        Assert.Equal(invited.Uid, removed.Uid);
        Assert.Equal($"mailto:{organiser}", removed.Organizer?.Value?.ToString());
        Assert.Equal($"mailto:{person}", Assert.Single(removed.Attendees).Value?.ToString());
    }

    [Fact]
    public async Task WithdrawnRequest_GetsAPlainEmail_WithoutACancel()
    {
        var activity = await _app.PublishedActivityAsync(mode: BookingMode.Approval, title: "Withdrawn request seminar");
        var person = (await _app.PeopleAsync(1, "Dudley"))[0];
        await _app.BookAsync(person, activity);

        Assert.Equal(HttpStatusCode.Redirect, (await CancelMineAsync(person, activity)).StatusCode);

        var email = Single(await _app.DeliveredToAsync(person), "Booking cancelled");
        Assert.Empty(email.Attachments);
        Assert.Contains("Your request for a place on Withdrawn request seminar", email.TextBody);
        Assert.DoesNotContain("calendar update", email.TextBody);
    }

    [Fact]
    public async Task CancelledActivity_TakesConfirmedPlacesOutOfCalendars_AndTellsRequestsInWordsOnly()
    {
        var activity = await _app.PublishedActivityAsync(mode: BookingMode.Approval, title: "Cancelled approval seminar");
        var people = await _app.PeopleAsync(2, "Sandwell");
        var (confirmed, requested) = (people[0], people[1]);
        foreach (var person in people)
        {
            await _app.BookAsync(person, activity);
        }
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var approve = await coordinator.SubmitFormAsync($"/activities/{activity}/bookings", new Dictionary<string, string>(), button: "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Requested], (await _app.BookingsAsync(activity)).Select(b => b.Status));

        var cancel = await coordinator.SubmitFormAsync($"/activities/{activity}",
            new Dictionary<string, string> { ["CancelReason"] = "Venue flooded" }, "form[action*='handler=CancelActivity']");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        var (removal, _) = await InviteAsync(Single(await _app.DeliveredToAsync(confirmed), "Cancelled:"));
        Assert.Equal("CANCEL", removal.Method);
        Assert.Equal($"mailto:{confirmed}", Assert.Single(Assert.Single(removal.Events).Attendees).Value?.ToString());
        var plain = Single(await _app.DeliveredToAsync(requested), "Cancelled:");
        Assert.Empty(plain.Attachments);
        Assert.Contains("Venue flooded", plain.TextBody);

        // The confirmed place stays in its feed as cancelled, so calendars take it out; the request was never there.
        var confirmedFeed = Assert.Single((await FeedOfAsync(confirmed)).Events);
        Assert.Equal("Cancelled approval seminar", confirmedFeed.Summary);
        Assert.Equal("CANCELLED", confirmedFeed.Status);
        Assert.Empty((await FeedOfAsync(requested)).Events);
    }
}
