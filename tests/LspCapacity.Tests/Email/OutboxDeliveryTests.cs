using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Email;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LspCapacity.Tests.Email;

/// <summary>The outbox through a real SMTP server on 127.0.0.1: nothing lost, nothing twice.</summary>
public sealed class OutboxDeliveryTests : SmtpAppTest
{

    private async Task<long> QueueAsync(string key, string to = "someone@example.org")
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        Assert.True(await outbox.QueueAsync(db, key, to, "Some One", "password-changed",
            new Dictionary<string, string?> { ["ChangedAt"] = "25 November 2026 at 10am" }));
        await db.SaveChangesAsync();
        return await db.OutboxMessages.Where(m => m.DeduplicationKey == key).Select(m => m.Id).SingleAsync();
    }

    private Task<int> DeliverAsync() => App.RunAsync<OutboxDeliveryJob, int>(j => j.DeliverDueAsync());

    private Task<OutboxMessage> RowAsync(long id) => App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task StartUpOnSqlite_ReleasesTheClaimsOfAKilledRun_SoTheyGoAtOnce()
    {
        await using var killed = AppFactory.OnSqlite();
        killed.CreateAnonymousClient();
        await using (var scope = killed.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<Outbox>().QueueAsync(db, "test:claimed", "someone@example.org", "Some One",
                "password-changed", new Dictionary<string, string?> { ["ChangedAt"] = "25 November 2026 at 10am" });
            await db.SaveChangesAsync();
            // Claimed as a delivery run claims its batch, by a process that then died.
            var now = killed.Clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now.AddMinutes(5)).SetProperty(m => m.ClaimToken, Guid.NewGuid()));
        }

        await using var restarted = AppFactory.OnSqlite();
        restarted.Settings["App:DataFolder"] = killed.DataFolder;
        restarted.CreateAnonymousClient(); // start-up, at the same moment by its clock

        Assert.Equal(1, await restarted.RunAsync<OutboxDeliveryJob, int>(j => j.DeliverDueAsync()));
        var row = await restarted.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DeduplicationKey == "test:claimed"));
        Assert.Equal(OutboxStatus.Sent, row.Status);
    }

    [Fact]
    public async Task QueuedMessage_ArrivesOnce_WithItsFixedMessageId_AndIsMarkedSent()
    {
        var id = await QueueAsync("test:arrives");

        Assert.Equal(1, await DeliverAsync());
        Assert.Equal(0, await DeliverAsync());

        var received = Assert.Single(Smtp.Received);
        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(row.MessageId, received.MessageId);
        Assert.Equal("Your password has been changed", received.Subject);
        Assert.Contains("25 November 2026 at 10am", received.TextBody);
        Assert.Contains("25 November 2026 at 10am", received.HtmlBody);
        Assert.Equal("someone@example.org", received.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task ServerDown_MessageWaits_ThenGoesOutExactlyOnceWhenItIsBack()
    {
        await Smtp.StopAsync();
        var id = await QueueAsync("test:server-down");

        Assert.Equal(0, await DeliverAsync());
        var waiting = await RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.NotNull(waiting.LastError);
        Assert.True(waiting.NextAttemptAt > App.Clock.GetUtcNow().UtcDateTime);

        Smtp.Start();
        Assert.Equal(0, await DeliverAsync()); // still backing off
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await DeliverAsync());
        Assert.Equal(0, await DeliverAsync());

        Assert.Single(Smtp.Received);
        var sent = await RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task ServerClosingTheKeptConnection_AfterEachMessage_CostsNoRetry()
    {
        Smtp.CloseConnectionAfterEachMessage = true;
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await QueueAsync($"test:closed-connection:{i}", $"person{i}@example.org"));
        }

        Assert.Equal(4, await DeliverAsync());

        Assert.Equal(4, Smtp.Received.Count);
        Assert.Equal(4, Smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(4, Smtp.Connections); // the first, then a new one for each message after the server closed the last
        foreach (var id in ids)
        {
            var row = await RowAsync(id);
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.Equal(1, row.Attempts);
        }
    }

    [Fact]
    public async Task TemporaryRefusal_ThenAcceptance_GivesOneEmailAndTwoAttempts()
    {
        Smtp.RefuseNextTemporarily();
        var id = await QueueAsync("test:451");

        Assert.Equal(0, await DeliverAsync());
        var refused = await RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, refused.Status);
        Assert.StartsWith("451", refused.LastError);

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await DeliverAsync());

        Assert.Single(Smtp.Received);
        var sent = await RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task PermanentRefusal_MarksFailed_WithoutARetryLoop()
    {
        Smtp.RefuseNextPermanently();
        var id = await QueueAsync("test:550");

        Assert.Equal(0, await DeliverAsync());
        for (var i = 0; i < 3; i++)
        {
            App.Clock.Advance(TimeSpan.FromHours(7));
            Assert.Equal(0, await DeliverAsync());
        }

        Assert.Empty(Smtp.Received);
        var failed = await RowAsync(id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("550", failed.LastError);

        // A coordinator's retry sends it, once.
        await App.WithDbAsync(async db =>
        {
            var row = await db.OutboxMessages.SingleAsync(m => m.Id == id);
            row.Retry(App.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await DeliverAsync());
        Assert.Single(Smtp.Received);
    }

    [Fact]
    public async Task WrongSmtpSetup_RecordsTheFailureOnEveryRow_InsteadOfStalling()
    {
        // The test server offers no AUTH, so signing in fails before any message is handed over.
        await using var app = new AppFactory { SmtpPort = Smtp.Port };
        app.Settings["Email:Smtp:Username"] = "programme";
        app.Settings["Email:Smtp:Password"] = "not-used";
        app.CreateAnonymousClient();
        foreach (var key in new[] { "test:setup:1", "test:setup:2" })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<Outbox>().QueueAsync(db, key, "someone@example.org", null, "password-changed",
                new Dictionary<string, string?> { ["ChangedAt"] = "now" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await app.RunAsync<OutboxDeliveryJob, int>(j => j.DeliverDueAsync()));

        Assert.Empty(Smtp.Received);
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.DeduplicationKey.StartsWith("test:setup:")).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(OutboxStatus.Pending, row.Status);
            Assert.Equal(1, row.Attempts);
            Assert.Contains("authentication", row.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.Null(row.LockedUntil);
        });
    }

    [Fact]
    public async Task TwoDeliveryRunsAtOnce_SendEachMessageOnce()
    {
        for (var i = 0; i < 20; i++)
        {
            await QueueAsync($"test:race:{i}", $"person{i}@example.org");
        }

        var runs = await Task.WhenAll(DeliverAsync(), DeliverAsync(), DeliverAsync());

        Assert.Equal(20, runs.Sum());
        Assert.Equal(20, Smtp.Received.Count);
        Assert.Equal(20, Smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(0, await DeliverAsync());
    }

    [Fact]
    public async Task RunStoppedPartWay_HandsBackTheRestOfItsBatch_ForTheNextRunToSendOnce()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await QueueAsync($"test:stopped:{i}", $"person{i}@example.org"));
        }
        using var stop = new CancellationTokenSource();
        var offered = 0;
        Smtp.Accepting = async _ =>
        {
            if (Interlocked.Increment(ref offered) != 2)
            {
                return true;
            }
            stop.Cancel(); // the app shuts down while the second message is being handed over
            await Task.Delay(300);
            return false;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => App.RunAsync<OutboxDeliveryJob, int>(j => j.DeliverDueAsync(stop.Token)));
        Smtp.Accepting = null;

        var rows = await App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.Single(rows, r => r.Status == OutboxStatus.Sent);
        Assert.All(rows.Where(r => r.Status != OutboxStatus.Sent), r =>
        {
            Assert.Equal(OutboxStatus.Pending, r.Status);
            Assert.Null(r.LockedUntil); // not left claimed for minutes
            Assert.Null(r.ClaimToken);
            Assert.Equal(0, r.Attempts);
        });
        Assert.Equal(4, await DeliverAsync());
        Assert.Equal(5, Smtp.Received.Count);
        Assert.Equal(5, Smtp.Received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task SameDeduplicationKey_IsQueuedOnce_EvenFromTwoContextsRacing()
    {
        await QueueAsync("test:dedup");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            Assert.False(await outbox.QueueAsync(db, "test:dedup", "someone@example.org", null, "password-changed",
                new Dictionary<string, string?> { ["ChangedAt"] = "now" }));
        }

        // Two contexts that both checked before either saved: the unique index keeps one.
        await using var first = App.Services.CreateAsyncScope();
        await using var second = App.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var values = new Dictionary<string, string?> { ["ChangedAt"] = "now" };
        Assert.True(await first.ServiceProvider.GetRequiredService<Outbox>().QueueAsync(db1, "test:dedup-race", "a@example.org", null, "password-changed", values));
        Assert.True(await second.ServiceProvider.GetRequiredService<Outbox>().QueueAsync(db2, "test:dedup-race", "a@example.org", null, "password-changed", values));
        await db1.SaveChangesAsync();
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => db2.SaveChangesAsync());
        Assert.True(Transactions.IsLostRace(duplicate));

        await DeliverAsync();
        Assert.Single(Smtp.Received, m => m.Headers["X-Outbox-Key"] == "test:dedup-race");
        Assert.Single(Smtp.Received, m => m.Headers["X-Outbox-Key"] == "test:dedup");
    }

    [Fact]
    public async Task InvitationFromThePage_ArrivesOverSmtp_WithAWorkingLink()
    {
        var coordinator = App.CreateClientAs(Demo.Coordinator);
        await coordinator.SubmitFormAsync("/people/invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Robin Rugby",
            ["Input.Email"] = "robin@rugby.example",
            ["Input.Role"] = "LspStaff",
            ["Input.PartnershipId"] = (await App.PartnershipIdAsync("Rugby")).ToString(),
        });

        await DeliverAsync();

        var invitation = Assert.Single(Smtp.Received);
        var link = Emails.LinkIn(invitation, "/account/invitation/");
        var page = await App.CreateAnonymousClient().GetDocumentAsync(link);
        Assert.Contains("Welcome, Robin Rugby", page.QuerySelector("main")!.TextContent);
    }
}

public sealed class PickupDeliveryTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync()
    {
        _app.CreateAnonymousClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PickupMode_WritesOneParseableEmlPerMessage_AndNeverTwice()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 3; i++)
            {
                await outbox.QueueAsync(db, $"pickup:{i}", $"p{i}@example.org", null, "password-changed",
                    new Dictionary<string, string?> { ["ChangedAt"] = "now" });
            }
            await db.SaveChangesAsync();
        }

        await _app.DeliverOutboxAsync();
        await _app.DeliverOutboxAsync();
        // As if the process died after writing the files but before marking the rows sent.
        await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.DeduplicationKey.StartsWith("pickup:"))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Pending)));
        Assert.Equal(3, await _app.DeliverOutboxAsync());

        var files = Directory.GetFiles(_app.PickupFolder, "*.eml");
        Assert.Equal(3, files.Length);
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(["p0@example.org", "p1@example.org", "p2@example.org"], messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(messages, m => Assert.Equal("Your password has been changed", m.Subject));
    }
}
