using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Operations;

/// <summary>Issue 21 item 3: backups of the embedded database, taken while the app runs, and restore.</summary>
public class BackupTests
{
    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lspcapacity-tests", "backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string ConnectionStringOf(AppFactory app) => $"Data Source={Path.Combine(app.DataFolder, TestDatabase.SqliteFileName)}";

    private static async Task<List<long>> BookingIdsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Bookings\"";
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    [Fact]
    public async Task Backup_TakenDuringABurstOfBookings_RestoresIntact_WithEveryBookingConfirmedBeforeItBegan()
    {
        if (TestDatabase.IsPostgres)
        {
            return; // PostgreSQL is backed up with pg_dump (see Commands_OnPostgres_RefuseAndSayPgDump)
        }
        await using var app = new AppFactory();
        var activity = await app.PublishedActivityAsync(capacity: 500);
        var people = await app.PeopleAsync(80, "Birmingham", "Coventry", "Dudley", "Sandwell");
        var burst = Task.Run(async () =>
        {
            foreach (var four in people.Chunk(4))
            {
                await Task.WhenAll(four.Select(person => app.BookAsync(person, activity)));
            }
        });
        while (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ActivityId == activity)) < 12)
        {
            await Task.Delay(20);
        }

        var confirmedBefore = await app.WithDbAsync(db => db.Bookings.AsNoTracking()
            .Where(b => b.ActivityId == activity && b.Status == BookingStatus.Confirmed).Select(b => (long)b.Id).ToListAsync());
        var backup = await Backups.TakeAsync(ConnectionStringOf(app), app.DataFolder, NewFolder(), DateTime.UtcNow);
        var stillBooking = !burst.IsCompleted;
        await burst;

        var restoredFolder = NewFolder();
        await Backups.RestoreAsync(backup, $"Data Source={Path.Combine(restoredFolder, "restored.db")}", restoredFolder);
        var restored = Path.Combine(restoredFolder, "restored.db");
        Assert.True(stillBooking, "the backup was meant to be taken while bookings were still being made");
        Assert.Null(await Backups.IntegrityProblemAsync(restored));
        Assert.Subset(new HashSet<long>(await BookingIdsAsync(restored)), new HashSet<long>(confirmedBefore));
        Assert.NotEmpty(confirmedBefore);
    }

    [Fact]
    public async Task Restore_RefusesABackupThatFailsItsIntegrityCheck_AndLeavesTheDatabaseAlone()
    {
        var folder = NewFolder();
        var database = Path.Combine(folder, "live.db");
        await File.WriteAllTextAsync(database, "the live database, untouched");
        var broken = Path.Combine(folder, "broken.db");
        await File.WriteAllTextAsync(broken, "this is not a SQLite file");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Backups.RestoreAsync(broken, $"Data Source={database}", folder));

        Assert.Contains("integrity check", refusal.Message);
        Assert.Equal("the live database, untouched", await File.ReadAllTextAsync(database));
    }

    [Fact]
    public async Task Restore_RefusesWhileAnAppHasTheDatabaseOpen()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        var backup = await Backups.TakeAsync(ConnectionStringOf(app), app.DataFolder, NewFolder(), DateTime.UtcNow);
        var folder = NewFolder();
        var target = Path.Combine(folder, "live.db");

        using (RunningLock.Take(target))
        {
            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Backups.RestoreAsync(backup, $"Data Source={target}", folder));
            Assert.Contains("Stop it", refusal.Message);
            Assert.False(File.Exists(target));
        }
        await Backups.RestoreAsync(backup, $"Data Source={target}", folder);
        Assert.Null(await Backups.IntegrityProblemAsync(target));
    }

    [Fact]
    public async Task Commands_OnPostgres_RefuseAndSayPgDump()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var backup = await Backups.RunCommandAsync(["backup", NewFolder()], DatabaseProvider.Postgres, "Host=db", NewFolder(), output, error);
        var restore = await Backups.RunCommandAsync(["restore", "x.db"], DatabaseProvider.Postgres, "Host=db", NewFolder(), output, error);

        Assert.Equal(1, backup);
        Assert.Equal(1, restore);
        Assert.Contains("pg_dump", error.ToString());
        Assert.Null(await Backups.RunCommandAsync(["serve"], DatabaseProvider.Sqlite, "", "", output, error));
    }

    [Fact]
    public async Task BackupCommand_WritesACheckedCopy_AndTheKeysCertificateBesideIt()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }
        await using var app = new AppFactory();
        app.Settings["DataProtection:CertificatePath"] = ""; // the one made in the data folder
        app.CreateAnonymousClient();
        _ = app.Services.GetRequiredService<GeneratedKeyCertificate>().Certificate; // made beside start-up: wait for it
        var folder = NewFolder();
        var output = new StringWriter();

        var exit = await Backups.RunCommandAsync(["backup", folder], DatabaseProvider.Sqlite, ConnectionStringOf(app), app.DataFolder, output, new StringWriter());

        Assert.Equal(0, exit);
        var file = Assert.Single(Directory.GetFiles(folder, "*.db"));
        Assert.Contains(file, output.ToString());
        Assert.Null(await Backups.IntegrityProblemAsync(file));
        Assert.True(File.Exists(Path.ChangeExtension(file, null) + ".keys.pfx"));
    }

    [Fact]
    public async Task NightlyJob_KeepsTheNewestN()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }
        await using var app = new AppFactory();
        var folder = NewFolder();
        app.Settings["Backup:Folder"] = folder;
        app.Settings["Backup:Keep"] = "2";
        app.CreateAnonymousClient();

        var taken = new List<string?>();
        for (var night = 0; night < 3; night++)
        {
            taken.Add(await app.RunAsync<BackupJob, string?>(j => j.BackUpAsync()));
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(taken.Skip(1).Order(), Directory.GetFiles(folder, "*.db").Order());
    }
}
