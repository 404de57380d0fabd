using System.Net;
using Ical.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Activities;

public class SchedulingTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public SchedulingTests(AppFactory app) => _app = app;

    private async Task<Dictionary<string, string>> FormAsync(Action<Dictionary<string, string>>? change = null)
    {
        var themes = await _app.WithDbAsync(db => db.Themes.OrderBy(t => t.Position).Select(t => t.Id).Take(2).ToListAsync());
        // The test clock is 25 November 2026; the activity is in January 2027.
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Workshop",
            ["Input.Title"] = "Bending mainstream budgets",
            ["Input.Description"] = "How partners pool and align budgets.",
            ["Input.ThemeIds"] = themes[0].ToString(),
            ["Input.StartDate"] = "2027-01-20",
            ["Input.StartTime"] = "10:00",
            ["Input.EndDate"] = "2027-01-20",
            ["Input.EndTime"] = "16:00",
            ["Input.Venue"] = "Lichfield Guildhall",
            ["Input.Capacity"] = "30",
            ["Input.PartnershipCap"] = "",
            ["Input.BookingOpens"] = "2026-11-25",
            ["Input.BookingCloses"] = "2027-01-13",
            ["Input.Mode"] = "FirstCome",
            ["Input.VenueCost"] = "450",
            ["Input.SpeakersCost"] = "300.50",
        };
        change?.Invoke(form);
        return form;
    }

    [Fact]
    public async Task Create_SavesADraft_InUkTime_WithCosts()
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/activities/create", await FormAsync());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var activity = await _app.WithDbAsync(db => db.Activities.Include(a => a.Costs).Include(a => a.Themes).AsNoTracking()
            .SingleAsync(a => a.Title == "Bending mainstream budgets"));
        Assert.Equal(ActivityStatus.Draft, activity.Status);
        Assert.Equal(new DateTime(2027, 1, 20, 10, 0, 0, DateTimeKind.Utc), activity.StartsAt); // GMT in January
        Assert.Equal(new DateTime(2027, 1, 14, 0, 0, 0, DateTimeKind.Utc), activity.BookingClosesAt); // end of the closing day
        Assert.Equal(750.50m, activity.TotalCost);
        Assert.Equal($"/activities/{activity.Id}", response.Headers.Location?.OriginalString);

        // Drafts are for coordinators only.
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/activities/{activity.Id}")).StatusCode);
    }

    [Fact]
    public async Task Create_InSummer_StoresBritishSummerTimeAsUtc()
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/activities/create", await FormAsync(f =>
        {
            f["Input.Title"] = "Summer study visit";
            f["Input.StartDate"] = "2027-06-15";
            f["Input.EndDate"] = "2027-06-15";
            f["Input.BookingCloses"] = "2027-06-01";
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var starts = await _app.WithDbAsync(db => db.Activities.Where(a => a.Title == "Summer study visit").Select(a => a.StartsAt).SingleAsync());
        Assert.Equal(new DateTime(2027, 6, 15, 9, 0, 0, DateTimeKind.Utc), starts);
        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("15 June 2027 at 10am to 4pm", page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("Input.EndTime", "09:00", "Input.EndDate", "The end must be after the start")]
    [InlineData("Input.Capacity", "0", "Input.Capacity", "Capacity must be between 1 and 10,000")]
    [InlineData("Input.Capacity", "-5", "Input.Capacity", "Capacity must be between 1 and 10,000")]
    [InlineData("Input.Capacity", "lots", "Input.Capacity", "'lots' is not a valid value for capacity")]
    [InlineData("Input.ThemeIds", "999999", "Input.ThemeIds", "Select themes from the list")]
    [InlineData("Input.ThemeIds", "", "Input.ThemeIds", "Select at least one theme")]
    [InlineData("Input.Title", "", "Input.Title", "Enter a title")]
    [InlineData("Input.StartDate.Day", "32", "Input.StartDate", "Start date must be a real date")]
    [InlineData("Input.StartDate.Year", "27", "Input.StartDate", "Start date must include a year with 4 numbers")]
    [InlineData("Input.BookingCloses", "2027-01-25", "Input.BookingCloses", "Booking must close by the day the activity starts")]
    [InlineData("Input.PartnershipCap", "40", "Input.PartnershipCap", "Places per partnership cannot be more than the capacity")]
    [InlineData("Input.Venue", "", "Input.Venue", "Enter a venue or select a host partnership")]
    [InlineData("Input.VenueCost", "-1", "Input.VenueCost", "Enter a venue cost of £0 or more")]
    [InlineData("Input.Kind", "Party", "Input.Kind", "'Party' is not a valid value for kind of activity")]
    public async Task Create_WithBadInput_ShowsTheErrorBesideTheField_AndKeepsInput(string field, string value, string errorField, string error)
    {
        var before = await _app.WithDbAsync(db => db.Activities.CountAsync());
        // An unticked checkbox posts nothing at all.
        var form = await FormAsync(f =>
        {
            if (field == "Input.ThemeIds" && value == "")
            {
                f.Remove(field);
            }
            else
            {
                f[field] = value;
            }
        });
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/activities/create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Contains(error, page.QuerySelector($"#{errorField.Replace('.', '_')}-error")?.TextContent ?? "");
        Assert.Equal(field == "Input.Title" ? "" : "Bending mainstream budgets", page.FieldValue("Input.Title"));
        Assert.Equal(field == "Input.Venue" ? "" : "Lichfield Guildhall", page.FieldValue("Input.Venue"));
        // A date comes back in its day, month and year fields, as typed.
        var kept = DateOnly.TryParseExact(form.GetValueOrDefault(field, ""), "yyyy-MM-dd", out var date) ? $"{date.Day} {date.Month} {date.Year}" : form.GetValueOrDefault(field, "");
        Assert.Equal(kept, field == "Input.ThemeIds" || field == "Input.Kind" ? kept : page.FieldValue(field));
        Assert.Equal(before, await _app.WithDbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task Publish_ThenChangeTheTime_SendsAnUpdatedInvitationWithAHigherSequence()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var created = await coordinator.SubmitFormAsync("/activities/create", await FormAsync(f => f["Input.Title"] = "Peer review briefing"));
        var url = created.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/').Last());
        var publish = await coordinator.SubmitFormAsync(url, new Dictionary<string, string>(), "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        var person = (await _app.PeopleAsync(1, "Coventry"))[0];
        Assert.Equal(HttpStatusCode.Redirect, (await _app.BookAsync(person, id)).StatusCode);

        var edit = await coordinator.SubmitFormAsync($"/activities/{id}/edit", new Dictionary<string, string> { ["Input.StartTime"] = "11:00" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        var emails = await _app.DeliveredToAsync(person);
        var changed = Assert.Single(emails, m => (m.Subject ?? "").StartsWith("Changed:", StringComparison.Ordinal));
        var ics = changed.Attachments.OfType<MimeKit.MimePart>().Single();
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()))!;
        var calendarEvent = calendar.Events.Single();
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(1, calendarEvent.Sequence);
        Assert.Equal(11, calendarEvent.Start!.Hour);
        Assert.Equal("Europe/London", calendarEvent.Start.TzId);
    }

    [Fact]
    public async Task ChangingTheTime_TellsTheConfirmedAndTheWaiting_WhatItWas()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var created = await coordinator.SubmitFormAsync("/activities/create", await FormAsync(f =>
        {
            f["Input.Title"] = "Moved commissioning workshop";
            f["Input.Capacity"] = "1";
        }));
        var url = created.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitFormAsync(url, new Dictionary<string, string>(), "form[action*='handler=Publish']")).StatusCode);
        var people = await _app.PeopleAsync(2, "Coventry");
        var (confirmed, waiting) = (people[0], people[1]);
        await _app.BookAsync(confirmed, id);
        await _app.BookAsync(waiting, id);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Waitlisted], (await _app.BookingsAsync(id)).Select(b => b.Status));

        var edit = await coordinator.SubmitFormAsync($"/activities/{id}/edit", new Dictionary<string, string> { ["Input.StartTime"] = "11:00" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        const string was = "It was 20 January 2027 at 10am to 4pm, at Lichfield Guildhall.";
        var toConfirmed = Assert.Single(await _app.DeliveredToAsync(confirmed), m => (m.Subject ?? "").StartsWith("Changed:", StringComparison.Ordinal));
        Assert.Contains("It is now 20 January 2027 at 11am to 4pm", toConfirmed.TextBody);
        Assert.Contains(was, toConfirmed.TextBody);
        Assert.Contains(toConfirmed.Attachments, a => a.ContentType.Parameters["method"] == "REQUEST");
        var toWaiting = Assert.Single(await _app.DeliveredToAsync(waiting), m => (m.Subject ?? "").StartsWith("Changed:", StringComparison.Ordinal));
        Assert.Contains("It is now 20 January 2027 at 11am to 4pm", toWaiting.TextBody);
        Assert.Contains(was, toWaiting.TextBody);
        Assert.Contains("still on the waiting list", toWaiting.TextBody);
        Assert.Empty(toWaiting.Attachments); // nothing is in their calendar to change
    }

    [Fact]
    public async Task Details_SayBookingIsOpenUntilTheEndOfTheClosingDay_AndEditShowsCostsAsMoney()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var created = await coordinator.SubmitFormAsync("/activities/create", await FormAsync(f => f["Input.Title"] = "Costed workshop"));
        var url = created.Headers.Location!.OriginalString;

        var details = (await coordinator.GetDocumentAsync(url)).QuerySelector("main")!.TextContent;
        Assert.Contains("Open from 25 November 2026 at midnight until the end of 13 January 2027", details);
        Assert.DoesNotContain("12am", details);

        var edit = await coordinator.GetDocumentAsync($"{url}/edit");
        Assert.Equal("450", edit.FieldValue("Input.VenueCost"));
        Assert.Equal("300.50", edit.FieldValue("Input.SpeakersCost"));
    }

    [Fact]
    public async Task PriorityWindow_WithNoPartnershipsChosen_UsesTheNeedsAnalysis()
    {
        await using var app = new AppFactory();
        var theme = await app.WithDbAsync(db => db.Themes.OrderBy(t => t.Position).FirstAsync());
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Seminar", ["Input.Title"] = "Governance for high-need areas", ["Input.ThemeIds"] = theme.Id.ToString(),
            ["Input.StartDate"] = "2027-01-20", ["Input.StartTime"] = "10:00", ["Input.EndDate"] = "2027-01-20", ["Input.EndTime"] = "16:00",
            ["Input.Venue"] = "Walsall", ["Input.Capacity"] = "30", ["Input.BookingOpens"] = "2026-11-25", ["Input.BookingCloses"] = "2027-01-13",
            ["Input.Mode"] = "FirstCome", ["Input.PriorityUntil"] = "2026-12-10",
        };

        // No needs analysis yet: nobody to give the window to.
        var refused = await (await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/activities/create", form)).ParseAsync();
        Assert.Contains(refused.ErrorSummary(), e => e.StartsWith("No partnership has a high need in these themes", StringComparison.Ordinal));

        // Birmingham rates itself 1 in that theme; Coventry 4.
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var survey = new LspCapacity.Web.Domain.Needs.Survey(await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync(), "Needs", LspCapacity.Web.Domain.Needs.SurveyRound.Baseline, null, now);
            var question = survey.AddSection(theme.Name, theme.Id, null).AddQuestion(LspCapacity.Web.Domain.Needs.QuestionKind.Rating, "Capacity?", true, null);
            survey.Open(now, now.AddDays(5), now);
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            foreach (var (email, rating) in new[] { (Demo.StaffBirmingham, 1), (Demo.StaffCoventry, 4) })
            {
                var person = await db.Users.SingleAsync(u => u.Email == email);
                var response = new LspCapacity.Web.Domain.Needs.SurveyResponse(survey.Id, person.PartnershipId!.Value, now);
                response.Answer(question, rating, null, null, person.Id, now, survey);
                response.Submit(survey, person.Id, now);
                db.SurveyResponses.Add(response);
            }
            await db.SaveChangesAsync();
        });
        var created = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/activities/create", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var priority = await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).SelectMany(a => a.PriorityPartnerships).Select(p => p.PartnershipId).ToListAsync());
        Assert.Equal([await app.PartnershipIdAsync("Birmingham")], priority);

        await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{id}", new Dictionary<string, string>(), "form[action*='handler=Publish']");
        var coventry = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/activities/{id}");
        Assert.Contains("places are kept for partnerships with a high need", coventry.QuerySelector(".app-booking-panel")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await app.BookAsync(Demo.StaffBirmingham, id)).StatusCode);
        Assert.Equal(BookingStatus.Confirmed, (await app.BookingsAsync(id)).Single().Status);
    }

    [Fact]
    public async Task Staff_CannotScheduleOrEdit()
    {
        var activity = await _app.PublishedActivityAsync();
        var staff = _app.CreateClientAs(Demo.StaffCoventry);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/activities/create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/activities/{activity}/edit")).StatusCode);
        var forged = await staff.PostWithTokenAsync($"/activities/{activity}", $"/activities/{activity}?handler=CancelActivity",
            new Dictionary<string, string> { ["CancelReason"] = "I do not like it" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(ActivityStatus.Published, await _app.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnotherRegionsCoordinator_CannotSeeOrEdit()
    {
        var activity = await _app.PublishedActivityAsync();
        await _app.AddOtherRegionAsync();
        var other = _app.CreateClientAs(TestData.OtherCoordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/activities/{activity}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/activities/{activity}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/activities/{activity}/bookings")).StatusCode);
        var catalogue = await other.GetDocumentAsync("/activities");
        Assert.DoesNotContain("LAA delivery masterclass", catalogue.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Catalogue_FiltersByPlacesLeftAndKind()
    {
        await using var app = new AppFactory();
        var full = await app.PublishedActivityAsync(capacity: 1, title: "Full seminar");
        await app.PublishedActivityAsync(capacity: 5, title: "Open seminar");
        await app.BookAsync(Demo.StaffBirmingham, full);

        static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".app-activity-list__item h2 a").Select(a => a.TextContent).ToList();
        var all = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/activities");
        Assert.Contains("Full seminar", Titles(all));
        Assert.Contains("Open seminar", Titles(all));
        var fullItem = all.QuerySelectorAll(".app-activity-list__item").Single(i => i.TextContent.Contains("Full seminar"));
        Assert.Contains("Waiting list", fullItem.TextContent);
        // The one who has the place is told so, not shown the waiting list.
        var booker = await app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/activities");
        var mine = booker.QuerySelectorAll(".app-activity-list__item").Single(i => i.TextContent.Contains("Full seminar"));
        Assert.Contains("You have a place", mine.TextContent);
        Assert.DoesNotContain("Waiting list", mine.TextContent);

        var open = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/activities?placesleft=true");
        Assert.Contains("Open seminar", Titles(open));
        Assert.DoesNotContain("Full seminar", Titles(open));

        // The demo data has one workshop; the seminars made here are not workshops.
        var workshops = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/activities?kind=Workshop");
        Assert.Equal(["Bending the mainstream: pooled budgets workshop"], Titles(workshops));
    }
}
