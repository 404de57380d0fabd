using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Email;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Jobs;

/// <summary>
/// The retention job removes only what is past its period (with the fake clock), warns once before it
/// anonymises (over real SMTP), spares anyone who signs in after the warning, and runs twice without harm.
/// </summary>
public sealed class RetentionJobTests : SmtpAppTest
{
    private Task<RetentionCounts> RunAsync() => App.RunAsync<RetentionJob, RetentionCounts>(j => j.ApplyAsync());

    private DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Everyone signed in just now, but <paramref name="email"/>, last seen <paramref name="ago"/> ago.</summary>
    private async Task SignedInAsync(string? email = null, TimeSpan? ago = null)
    {
        var now = Now;
        await App.WithDbAsync(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now)));
        if (email is not null)
        {
            var then = now - ago!.Value;
            await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, then)));
        }
    }

    [Fact]
    public async Task PrivateNotes_GoTwelveMonthsAfterThePlacementEnds_NotADayBefore()
    {
        await App.LogPrivateNotesAsync();
        var endsOn = await App.WithDbAsync(db => db.Placements.Select(p => p.EndsOn).SingleAsync());
        App.Clock.Set(new DateTimeOffset(endsOn.AddMonths(12).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await SignedInAsync();

        Assert.Equal(0, (await RunAsync()).PrivateNotesDeleted); // the twelve months end today: kept until tomorrow
        App.Clock.Advance(TimeSpan.FromDays(1));
        var first = await RunAsync();
        Assert.Equal(2, first.PrivateNotesDeleted);
        Assert.Equal(new RetentionCounts(0, 0, 0, 0), await RunAsync() with { EmailBodiesCleared = 0 });
        var sessions = await App.WithDbAsync(db => db.Set<PlacementSession>().AsNoTracking().ToListAsync());
        Assert.All(sessions, s => Assert.Null(s.PrivateNotes));
        Assert.Contains(sessions, s => s.Summary == "Went through the draft framework."); // the summaries stay
    }

    [Fact]
    public async Task EmailBodies_AreCleared90DaysAfterSending_KeepingTheRow()
    {
        var activity = await App.PublishedActivityAsync(title: "Retention seminar");
        await App.BookAsync(Demo.StaffCoventry, activity);
        await App.DeliverOutboxAsync();
        var sent = Assert.Single(await App.OutboxAsync(), m => m.ToAddress == Demo.StaffCoventry && m.Status == OutboxStatus.Sent);
        Assert.NotEqual("", sent.TextBody);
        Task<int> AttachmentsAsync() => App.WithDbAsync(db => db.Set<OutboxAttachment>().CountAsync(a => a.OutboxMessageId == sent.Id));
        Assert.Equal(1, await AttachmentsAsync()); // the calendar invitation

        App.Clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromMinutes(1));
        await RunAsync();
        Assert.NotEqual("", (await App.OutboxAsync()).Single(m => m.Id == sent.Id).TextBody);

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await RunAsync()).EmailBodiesCleared >= 1);
        var cleared = (await App.OutboxAsync()).Single(m => m.Id == sent.Id);
        Assert.Equal("", cleared.TextBody);
        Assert.Equal("", cleared.HtmlBody);
        Assert.Equal(0, await AttachmentsAsync());
        Assert.Equal(sent.Subject, cleared.Subject);
        Assert.Equal(sent.SentAt, cleared.SentAt);
        Assert.Equal(OutboxStatus.Sent, cleared.Status);
        Assert.Equal(Now, cleared.BodyClearedAt);
        Assert.Equal(0, (await RunAsync()).EmailBodiesCleared);
    }

    [Fact]
    public async Task AnIdleAccount_IsWarnedOnce_ThenAnonymised30DaysLater_AndEachRunIsAudited()
    {
        await SignedInAsync(Demo.StaffCoventry, TimeSpan.FromDays(3 * 365 - 20)); // idle for three years in 20 days' time

        var first = await RunAsync();
        Assert.Equal(1, first.AccountsWarned);
        Assert.Equal(0, first.AccountsAnonymised);
        Assert.Equal(0, (await RunAsync()).AccountsWarned); // once
        await App.DeliverOutboxAsync();
        var warning = Assert.Single(Smtp.Received, m => m.To.Mailboxes.Single().Address == Demo.StaffCoventry);
        Assert.StartsWith("Your LSP Capacity Building Programme account will be anonymised on", warning.Subject);
        Assert.Contains("/account/sign-in", warning.TextBody);
        Assert.Contains("/privacy", warning.TextBody);

        App.Clock.Advance(TimeSpan.FromDays(29)); // three years idle, but the warning is 29 days old
        await SignedInAsyncExcept(Demo.StaffCoventry);
        Assert.Equal(new RetentionCounts(0, 0, 0, 0), await RunAsync() with { EmailBodiesCleared = 0 });
        Assert.Equal("Jo Coventry", await NameAsync(Demo.StaffCoventry));

        App.Clock.Advance(TimeSpan.FromDays(1));
        await SignedInAsyncExcept(Demo.StaffCoventry);
        Assert.Equal(1, (await RunAsync()).AccountsAnonymised);
        var id = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "person.erased").Select(a => new { a.EntityId, a.ActorId, a.Details }).SingleAsync());
        Assert.Null(id.ActorId);
        Assert.Equal("Not signed in for 3 years (retention)", id.Details);
        var person = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id.EntityId));
        Assert.StartsWith("Erased person ", person.DisplayName);
        Assert.Null(person.PasswordHash);
        Assert.Equal(new RetentionCounts(0, 0, 0, 0), await RunAsync() with { EmailBodiesCleared = 0 });

        var runs = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "retention.run").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(5, runs.Count);
        Assert.All(runs, r => Assert.Null(r.ActorId));
        Assert.StartsWith("0 private notes deleted,", runs[0].Details);
        Assert.EndsWith("1 accounts warned, 0 accounts anonymised", runs[0].Details);
        Assert.EndsWith("0 accounts warned, 1 accounts anonymised", runs[3].Details);
    }

    [Fact]
    public async Task SigningInAfterTheWarning_KeepsTheAccount()
    {
        await SignedInAsync(Demo.Mentor, TimeSpan.FromDays(3 * 365 - 10));
        Assert.Equal(1, (await RunAsync()).AccountsWarned);

        App.Clock.Advance(TimeSpan.FromDays(31));
        await SignedInAsyncExcept(Demo.Mentor);
        // The mentor signs in through the real sign-in page, which records it.
        var response = await App.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.Mentor,
            ["Input.Password"] = Demo.Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Now, await App.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Mentor).Select(u => u.LastSignInAt).SingleAsync()));

        Assert.Equal(new RetentionCounts(0, 0, 0, 0), await RunAsync() with { EmailBodiesCleared = 0 });
        Assert.Equal("Morgan Mentor", await NameAsync(Demo.Mentor));
    }

    [Fact]
    public async Task ThePeriods_AreConfigurable_AndThePrivacyNoticeSaysSo()
    {
        await using var app = new AppFactory();
        app.Settings["Retention:EmailBodyDays"] = "7";
        app.Settings["Retention:PrivateNotesMonths"] = "6";
        app.Settings["Retention:IdleAccountYears"] = "2";
        var notice = await app.CreateAnonymousClient().GetDocumentAsync("/privacy");
        var text = notice.QuerySelector("main")!.TextContent;
        Assert.Contains("deleted 6 months after the placement ends", text);
        Assert.Contains("cleared 7 days after it was sent", text);
        Assert.Contains("not signed in for 2 years, we email you 30 days before", text);

        var activity = await app.PublishedActivityAsync(title: "Short retention seminar");
        await app.BookAsync(Demo.StaffCoventry, activity);
        await app.DeliverOutboxAsync();
        app.Clock.Advance(TimeSpan.FromDays(7.1));
        Assert.True((await app.RunAsync<RetentionJob, RetentionCounts>(j => j.ApplyAsync())).EmailBodiesCleared >= 1);
    }

    private Task SignedInAsyncExcept(string email) => App.WithDbAsync(db =>
    {
        var now = Now;
        return db.Users.Where(u => u.Email != email && u.ErasedAt == null).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
    });

    private Task<string> NameAsync(string email) =>
        App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());
}
