using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Jobs;

/// <summary>Activity reminders, feedback requests and minimum-number alerts, through the real SMTP test server.</summary>
public sealed class ActivityJobTests : SmtpAppTest
{

    private IEnumerable<string> Subjects(string to) =>
        Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == to)).Select(m => m.Subject ?? "");

    [Fact]
    public async Task Reminders_GoSevenDaysAndOneDayBefore_OnceEach_AndNotToCancelledBookings()
    {
        var activity = await App.PublishedActivityAsync(capacity: 5, startsIn: TimeSpan.FromDays(10), title: "Reminder seminar");
        var people = await App.PeopleAsync(2, "Dudley");
        foreach (var person in people)
        {
            await App.BookAsync(person, activity);
        }
        await App.CreateClientAs(people[1]).SubmitFormAsync($"/activities/{activity}?cancel=true", new Dictionary<string, string>(), "form[action*='handler=CancelBooking']");
        Task<int> Remind() => App.RunAsync<ActivityReminderJob, int>(j => j.RemindAsync());

        Assert.Equal(0, await Remind()); // ten days before: nothing due
        App.Clock.Advance(TimeSpan.FromDays(3.5)); // 6.5 days before
        Assert.Equal(1, await Remind());
        Assert.Equal(0, await Remind());
        App.Clock.Advance(TimeSpan.FromDays(6)); // half a day before
        Assert.Equal(1, await Remind());
        Assert.Equal(0, await Remind());

        await App.DeliverOutboxAsync();
        Assert.Equal(2, Subjects(people[0]).Count(s => s.StartsWith("Reminder: Reminder seminar", StringComparison.Ordinal)));
        Assert.DoesNotContain(Subjects(people[1]), s => s.StartsWith("Reminder:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LateBooker_GetsOnlyTheOneDayReminder()
    {
        var activity = await App.PublishedActivityAsync(capacity: 5, startsIn: TimeSpan.FromDays(3), title: "Soon seminar");
        var person = (await App.PeopleAsync(1, "Walsall"))[0];
        await App.BookAsync(person, activity);

        Assert.Equal(0, await App.RunAsync<ActivityReminderJob, int>(j => j.RemindAsync()));
        App.Clock.Advance(TimeSpan.FromDays(2.5));
        Assert.Equal(1, await App.RunAsync<ActivityReminderJob, int>(j => j.RemindAsync()));
        var keys = (await App.OutboxAsync()).Select(m => m.DeduplicationKey).Where(k => k.StartsWith("reminder:", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"reminder:booking:{(await App.BookingsAsync(activity)).Single().Id}:1d"], keys);
    }

    [Fact]
    public async Task FeedbackRequests_GoOnceAfterTheEnd_OnlyToAttendees()
    {
        var activity = await App.PublishedActivityAsync(capacity: 5, startsIn: TimeSpan.FromDays(2), title: "Feedback seminar");
        var people = await App.PeopleAsync(2, "Sandwell");
        foreach (var person in people)
        {
            await App.BookAsync(person, activity);
        }
        App.Clock.Advance(TimeSpan.FromDays(2.1)); // it has started
        var bookings = await App.BookingsAsync(activity);
        var register = await App.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/activities/{activity}/bookings", new Dictionary<string, string>
        {
            [$"Register[{bookings[0].Id}]"] = "Attended",
            [$"Register[{bookings[1].Id}]"] = "NoShow",
        }, "form[action*='handler=Attendance']");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, register.StatusCode);

        Assert.Equal(0, await App.RunAsync<FeedbackRequestJob, int>(j => j.RequestAsync())); // not ended yet
        App.Clock.Advance(TimeSpan.FromHours(8));
        Assert.Equal(1, await App.RunAsync<FeedbackRequestJob, int>(j => j.RequestAsync()));
        Assert.Equal(0, await App.RunAsync<FeedbackRequestJob, int>(j => j.RequestAsync()));

        await App.DeliverOutboxAsync();
        var request = Assert.Single(Smtp.Received, m => (m.Subject ?? "") == "How was Feedback seminar?");
        Assert.Equal(people[0], request.To.Mailboxes.Single().Address);
        Assert.Contains($"/activities/{activity}/feedback", request.TextBody);

        // The attendee gives feedback through the link; it shows on the bookings page.
        var given = await App.CreateClientAs(people[0]).SubmitFormAsync($"/activities/{activity}/feedback", new Dictionary<string, string>
        {
            ["Input.Usefulness"] = "4", ["Input.Quality"] = "5", ["Input.ApplyLocally"] = "A joint performance dashboard",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, given.StatusCode);
        var page = await App.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/activities/{activity}/bookings");
        Assert.Contains("A joint performance dashboard", page.QuerySelector("main")!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await App.CreateClientAs(people[1]).GetAsync($"/activities/{activity}/feedback")).StatusCode);
    }

    [Fact]
    public async Task BelowMinimum_AlertsEachCoordinatorOnce()
    {
        int activityId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var activity = new Activity(await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync(), new ActivityDetails(ActivityKind.Workshop, "Thin workshop", "",
                now.AddDays(10), now.AddDays(10).AddHours(3), "Walsall", null, 20, null, now.AddDays(-1), now.AddDays(9), BookingMode.FirstCome,
                null, 5, now.AddDays(3)), [await db.Themes.Select(t => t.Id).FirstAsync()], now);
            activity.Publish(now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            activityId = activity.Id;
        }
        Assert.Equal(0, await App.RunAsync<MinimumNumberJob, int>(j => j.AlertAsync()));
        App.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await App.RunAsync<MinimumNumberJob, int>(j => j.AlertAsync())); // one demo coordinator
        Assert.Equal(0, await App.RunAsync<MinimumNumberJob, int>(j => j.AlertAsync()));
        await App.DeliverOutboxAsync();
        var alert = Assert.Single(Smtp.Received, m => (m.Subject ?? "") == "Below minimum: Thin workshop");
        Assert.Equal(Demo.Coordinator, alert.To.Mailboxes.Single().Address);
        Assert.Contains($"/activities/{activityId}/bookings", alert.TextBody);
    }
}
