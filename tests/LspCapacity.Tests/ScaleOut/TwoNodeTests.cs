using System.Net;
using Hangfire;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;
using LspCapacity.Web.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.ScaleOut;

/// <summary>
/// Two web nodes on one PostgreSQL database, as behind a load balancer: each its own host, data
/// folder, Data Protection and Hangfire server; everything shared lives in the database.
/// </summary>
public sealed class TwoNodeTests
{
    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private static HttpClient CookieClient(AppFactory node, string cookie)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [PostgresFact]
    public async Task SignInCookie_FromNodeA_IsAcceptedByNodeB()
    {
        await using var nodeA = new AppFactory();
        nodeA.CreateAnonymousClient();
        await using var nodeB = AppFactory.SecondNodeOf(nodeA);
        await using var elsewhere = new AppFactory(); // another installation: its own database and keys

        var signIn = await nodeA.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", Credentials(Demo.Coordinator, Demo.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lsp.auth=", StringComparison.Ordinal)).Split(';')[0];

        var onB = await CookieClient(nodeB, cookie).GetAsync("/people");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("coordinator@lsp.example", await onB.Content.ReadAsStringAsync());

        // The same cookie means nothing where the keys are not shared: the test would fail without them.
        var onOther = await CookieClient(elsewhere, cookie).GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, onOther.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", onOther.Headers.Location!.ToString());
    }

    [PostgresFact]
    public async Task SignedOutOnNodeA_ACopiedCookieIsRefusedOnNodeB_WithinTheSessionCheckInterval()
    {
        await using var nodeA = new AppFactory();
        var client = nodeA.CreateAnonymousClient();
        await using var nodeB = AppFactory.SecondNodeOf(nodeA);
        var signIn = await client.SubmitFormAsync("/account/sign-in", Credentials(Demo.Coordinator, Demo.Password));
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lsp.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copyOnB = CookieClient(nodeB, cookie);
        Assert.Equal(HttpStatusCode.OK, (await copyOnB.GetAsync("/people")).StatusCode); // node B has now seen the session alive

        await client.SubmitAsync(await client.GetDocumentAsync("/"), "/", new Dictionary<string, string>(), "form[action='/account/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, (await CookieClient(nodeA, cookie).GetAsync("/people")).StatusCode); // at once where it signed out

        nodeB.Clock.Advance(TimeSpan.FromSeconds(31)); // Accounts:SessionCheckSeconds is 30
        var later = await copyOnB.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", later.Headers.Location!.ToString());
    }

    [PostgresFact]
    public async Task AStudyPublishedOnNodeB_IsFoundAtOnceOnNodeA_ThoughNodeAKeptTheSearch()
    {
        await using var nodeA = new AppFactory();
        nodeA.CreateAnonymousClient();
        await using var nodeB = AppFactory.SecondNodeOf(nodeA);
        async Task<string> SearchOnAAsync() =>
            (await nodeA.CreateAnonymousClient().GetDocumentAsync("/library?q=zephyrine")).QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Zephyrine pathways", await SearchOnAAsync()); // node A now keeps this search's (empty) ranking

        var theme = await nodeB.WithDbAsync(db => db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync());
        var author = nodeB.CreateClientAs(Demo.StaffBirmingham);
        var saved = await author.SubmitFormAsync("/library/write", new Dictionary<string, string>
        {
            ["Input.Title"] = "Zephyrine pathways", ["Input.Summary"] = "A summary.", ["Input.Body"] = "How it worked.",
            ["Input.Kind"] = "Project", ["Input.ThemeIds"] = theme.ToString(),
        });
        var id = saved.Headers.Location!.OriginalString.Split('/').Last();
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitFormAsync($"/library/write/{id}", new Dictionary<string, string>(), button: "Submit for publishing")).StatusCode);
        var published = await nodeB.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/library/moderation", "/library/moderation?handler=Publish",
            new Dictionary<string, string> { ["CaseStudyId"] = id });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // The version lives in the shared database: node A, never told, works the search out again.
        Assert.Contains("Zephyrine pathways", await SearchOnAAsync());
    }

    [PostgresFact]
    public async Task HundredConcurrentBookings_OverBothNodes_ConfirmExactlyTen()
    {
        await using var nodeA = new AppFactory();
        var activity = await nodeA.PublishedActivityAsync(capacity: 10);
        var people = await nodeA.PeopleAsync(100, "Birmingham", "Coventry", "Dudley", "Sandwell", "Walsall");
        await using var nodeB = AppFactory.SecondNodeOf(nodeA);

        // Each person's form comes from, and goes back to, the node the balancer gives them.
        var prepared = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < people.Count; i++)
        {
            var client = (i % 2 == 0 ? nodeA : nodeB).CreateClientAs(people[i]);
            var page = await client.GetDocumentAsync($"/activities/{activity}");
            prepared.Add((client, page.QuerySelector("form[action*='handler=Book'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!));
        }
        var responses = await Task.WhenAll(prepared.Select(p => p.Client.PostAsync($"/activities/{activity}?handler=Book",
            new FormUrlEncodedContent([new("__RequestVerificationToken", p.Token)]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var bookings = await nodeB.BookingsAsync(activity);
        Assert.Equal(10, bookings.Count(b => b.Status == BookingStatus.Confirmed));
        Assert.Equal(90, bookings.Count(b => b.Status == BookingStatus.Waitlisted));
        Assert.Equal(100, bookings.Select(b => b.PersonId).Distinct().Count());
        Assert.Equal(10, await nodeA.WithDbAsync(db => db.Activities.Where(a => a.Id == activity).Select(a => a.ConfirmedCount).SingleAsync()));
    }

    [PostgresFact]
    public async Task ReminderDueOnce_IsDeliveredOnce_ThoughBothNodesRunJobServers()
    {
        await using var smtp = new SmtpTestServer();
        await using var nodeA = new AppFactory { SmtpPort = smtp.Port };
        nodeA.Settings["Jobs:RunServer"] = "true";
        var activity = await nodeA.PublishedActivityAsync(capacity: 5, startsIn: TimeSpan.FromDays(3), title: "Two-node seminar");
        var person = (await nodeA.PeopleAsync(1, "Wolverhampton"))[0];
        Assert.Equal(HttpStatusCode.Redirect, (await nodeA.BookAsync(person, activity)).StatusCode);
        await using var nodeB = AppFactory.SecondNodeOf(nodeA);
        nodeB.SmtpPort = smtp.Port;
        nodeB.Settings["Jobs:RunServer"] = "true";
        nodeB.CreateAnonymousClient();

        await WaitUntilSettledAsync(nodeA, () => true); // the confirmation has gone

        // A day before: the one-day reminder is due. Both nodes' schedulers fire the reminder job, and
        // fire it again, and both run outbox delivery, all at once.
        nodeA.Clock.Advance(TimeSpan.FromDays(2.5));
        nodeB.Clock.Advance(TimeSpan.FromDays(2.5));
        var managers = new[] { nodeA, nodeB }.Select(n => n.Services.GetRequiredService<IRecurringJobManager>()).ToList();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            foreach (var jobs in managers)
            {
                jobs.Trigger(RecurringJobs.ActivityReminders);
                jobs.Trigger(RecurringJobs.OutboxSweep);
            }
        }

        IEnumerable<string> Subjects() => smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == person)).Select(m => m.Subject ?? "");
        await WaitUntilSettledAsync(nodeA, () => Subjects().Any(s => s.StartsWith("Reminder:", StringComparison.Ordinal)));

        Assert.Single(Subjects(), s => s.StartsWith("Reminder: Two-node seminar", StringComparison.Ordinal));
        Assert.Single(Subjects(), s => s.StartsWith("Place confirmed: Two-node seminar", StringComparison.Ordinal));
        var outbox = await nodeB.OutboxAsync();
        Assert.Single(outbox, m => m.DeduplicationKey.StartsWith("reminder:", StringComparison.Ordinal));
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        // No run failed on either node: not a lost race on the unique key, not a job built from another host's services.
        Assert.Empty(Failures(nodeA.Services.GetRequiredService<JobStorage>().GetMonitoringApi()));
    }

    private static async Task WaitUntilSettledAsync(AppFactory node, Func<bool> done)
    {
        // Settled twice in a row, half a second apart: the minutely sweep may start a run at any moment.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var settledBefore = false;
        var settled = false;
        while (DateTime.UtcNow < deadline && !settled)
        {
            await Task.Delay(500);
            var now = done() && await SettledAsync(node);
            settled = now && settledBefore;
            settledBefore = now;
        }
        if (!settled)
        {
            var monitoring = node.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            var pending = (await node.OutboxAsync()).Where(m => m.Status == OutboxStatus.Pending).Select(m => $"{m.DeduplicationKey} ({m.Attempts} attempts, {m.LastError})");
            Assert.Fail($"Not settled within 90 seconds: done {done()}; processing {monitoring.ProcessingCount()}, scheduled {monitoring.ScheduledCount()}, " +
                $"queued {string.Join(", ", monitoring.Queues().Select(q => $"{q.Name}={q.Length}"))}, failed {monitoring.FailedCount()}; " +
                $"pending email: {string.Join("; ", pending)}; running: " +
                string.Join("; ", monitoring.ProcessingJobs(0, 10).Select(j => $"{j.Value.Job?.Method.DeclaringType?.Name}.{j.Value.Job?.Method.Name} on {j.Value.ServerId} since {j.Value.StartedAt:O}")) +
                "; failures: " + string.Join("; ", Failures(monitoring)) +
                $"; waited until {DateTime.UtcNow:O}");
        }
    }

    private static IEnumerable<string> Failures(Hangfire.Storage.IMonitoringApi monitoring) =>
        monitoring.FailedJobs(0, 10).Select(j => $"{j.Value.Job?.Method.DeclaringType?.Name}.{j.Value.Job?.Method.Name}: {j.Value.ExceptionType} {j.Value.ExceptionMessage}");

    /// <summary>Nothing waiting in the outbox and no job queued or running on any node.</summary>
    private static async Task<bool> SettledAsync(AppFactory node)
    {
        var monitoring = node.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var idle = monitoring.ProcessingCount() == 0 && monitoring.Queues().All(q => q.Length == 0) && monitoring.ScheduledCount() == 0;
        return idle && (await node.OutboxAsync()).All(m => m.Status != OutboxStatus.Pending);
    }
}
