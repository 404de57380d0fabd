using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.ScaleOut;

/// <summary>Moving an installation from SQLite to PostgreSQL keeps every row, and the moved app works.</summary>
public sealed class SqliteToPostgresTests
{
    [PostgresFact]
    public async Task Move_PreservesEveryRow_AndTheAppRunsOnTheCopy()
    {
        // A SQLite installation in use: demo data, bookings with their emails (calendar attachments),
        // a waiting list, audit entries, Data Protection keys.
        await using var sqlite = AppFactory.OnSqlite();
        var activity = await sqlite.PublishedActivityAsync(capacity: 2, title: "Moving seminar");
        foreach (var person in await sqlite.PeopleAsync(3, "Dudley", "Walsall"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await sqlite.BookAsync(person, activity)).StatusCode);
        }
        await sqlite.DeliverOutboxAsync();
        var target = TestDatabase.CreatePostgresDatabase(TestDatabase.PostgresServer!);
        try
        {
            var counts = await sqlite.RunAsync<SqliteToPostgres, IReadOnlyList<SqliteToPostgres.TableCount>>(m => m.CopyAsync(target));

            // Counts: every table of the model, the same on both sides, and the busy ones not empty.
            Assert.All(counts, c => Assert.True(c.Matches, $"{c.Table}: {c.Source} rows in SQLite, {c.Target} in PostgreSQL"));
            foreach (var table in new[] { "AspNetUsers", "Partnerships", "Activities", "Bookings", "OutboxMessages", "OutboxAttachments",
                         "AuditEntries", "CaseStudies", "DataProtectionKeys" })
            {
                Assert.True(counts.Single(c => c.Table == table).Source > 0, $"{table} should have rows to move");
            }

            // A sample, field by field.
            await using var moved = AppFactory.OnPostgres(target);
            var before = await Sample(sqlite);
            var after = await Sample(moved);
            Assert.Equal(before.Users, after.Users);
            Assert.Equal(before.Bookings, after.Bookings);
            Assert.Equal(before.Activities, after.Activities);
            Assert.Equal(before.Emails, after.Emails);
            Assert.Equal(before.Attachments.Count, after.Attachments.Count);
            Assert.All(before.Attachments.Zip(after.Attachments), pair => Assert.Equal(pair.First, pair.Second));
            Assert.Equal(before.CaseStudies, after.CaseStudies);

            // The moved installation works: passwords, full-text search, new rows after the copied keys.
            var signIn = await moved.CreateAnonymousClient().SubmitFormAsync("/account/sign-in",
                new Dictionary<string, string> { ["Input.Email"] = Demo.Coordinator, ["Input.Password"] = Demo.Password });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var search = await moved.CreateAnonymousClient().GetDocumentAsync("/library?q=pooling");
            Assert.Contains("Pooling budgets for worklessness in Walsall", search.Body!.TextContent);
            var latecomer = (await moved.PeopleAsync(1, "Coventry"))[0];
            Assert.Equal(HttpStatusCode.Redirect, (await moved.BookAsync(latecomer, activity)).StatusCode);
            Assert.Equal(4, (await moved.BookingsAsync(activity)).Count);
        }
        finally
        {
            TestDatabase.DropPostgresDatabase(TestDatabase.PostgresServer!, target);
        }
    }

    [PostgresFact]
    public async Task Move_IntoADatabaseThatHoldsData_IsRefusedWithOneSentence_AndExitCode1()
    {
        await using var sqlite = AppFactory.OnSqlite();
        await using var inUse = new AppFactory(); // a PostgreSQL installation already running, its seed loaded
        inUse.CreateAnonymousClient();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await sqlite.RunAsync<SqliteToPostgres, int>(m => m.RunAsync(inUse.PostgresConnectionString!, output, errors));

        Assert.Equal(1, exitCode);
        var message = errors.ToString().TrimEnd();
        Assert.Single(message.Split('\n')); // one line: no stack trace
        Assert.StartsWith("Nothing was copied: the PostgreSQL database ", message);
        Assert.Contains("already holds data", message);
        Assert.Equal("", output.ToString());
        // And nothing was changed there.
        Assert.Equal(1, await inUse.WithDbAsync(db => db.Users.CountAsync(u => u.Email == Demo.Coordinator)));
    }

    private sealed record Snapshot(List<string> Users, List<string> Bookings, List<string> Activities, List<string> Emails,
        List<byte[]> Attachments, List<string> CaseStudies);

    private static Task<Snapshot> Sample(AppFactory app) => app.WithDbAsync(async db => new Snapshot(
        await db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => u.Id + "|" + u.Email + "|" + u.PasswordHash + "|" + u.DisplayName + "|" + u.PartnershipId + "|" + u.LockoutEnd).ToListAsync(),
        (await db.Bookings.AsNoTracking().OrderBy(b => b.Id).ToListAsync())
            .Select(b => $"{b.Id}|{b.ActivityId}|{b.PersonId}|{b.PartnershipId}|{b.Status}|{b.CreatedAt:O}").ToList(),
        (await db.Activities.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
            .Select(a => $"{a.Id}|{a.Title}|{a.StartsAt:O}|{a.EndsAt:O}|{a.Capacity}|{a.ConfirmedCount}|{a.Status}").ToList(),
        (await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
            .Select(m => $"{m.Id}|{m.DeduplicationKey}|{m.Status}|{m.Subject}|{m.SentAt:O}|{m.TextBody}").ToList(),
        await db.Set<LspCapacity.Web.Email.OutboxAttachment>().AsNoTracking().OrderBy(a => a.Id).Select(a => a.Content).ToListAsync(),
        (await db.CaseStudies.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            .Select(c => $"{c.Id}|{c.Slug}|{c.Status}|{c.Body}|{c.PublishedAt:O}").ToList()));
}
