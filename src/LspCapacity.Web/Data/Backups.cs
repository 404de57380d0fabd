using System.Globalization;
using LspCapacity.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LspCapacity.Web.Data;

/// <summary>Where and how many nightly backups are kept (section <c>Backup</c>).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>The folder for the nightly backups; relative paths are under App:DataFolder.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>How many nightly backups to keep: older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>Whether the nightly backup job runs (SQLite only).</summary>
    public bool Nightly { get; set; } = true;
}

/// <summary>
/// Backups of the embedded (SQLite) database. A backup is one consistent file made by SQLite's
/// <c>VACUUM INTO</c> while the app runs (a read transaction: writers carry on, the copy is the database as
/// it was when the backup began), with the document attachments inside it (they are stored in the
/// database), and a copy of the certificate that encrypts the Data Protection keys beside it. Restore
/// checks the backup's integrity before it replaces anything, and refuses while the app is running.
/// On PostgreSQL both refuse: use pg_dump and pg_restore.
/// </summary>
public static class Backups
{
    public const string BackupCommand = "backup";
    public const string RestoreCommand = "restore";
    public const string PostgresRefusal =
        "The backup and restore commands are for the embedded SQLite database. On PostgreSQL use pg_dump and pg_restore (README, 'Backups').";
    private const string Prefix = "lspcapacity-";
    private const string Extension = ".db";
    private const string KeysSuffix = ".keys.pfx";

    /// <summary>The database file a SQLite connection string names.</summary>
    public static string DatabasePath(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>Takes a backup into <paramref name="folder"/> and returns its path; the copy is checked before it is kept.</summary>
    public static async Task<string> TakeAsync(string connectionString, string dataFolder, string folder, DateTime now, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var name = Prefix + now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = Path.Combine(folder, name + Extension);
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(folder, $"{name}-{n}{Extension}");
        }
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout = 30000;";
            await busy.ExecuteNonQueryAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target;";
            vacuum.Parameters.AddWithValue("$target", partial);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        if (await IntegrityProblemAsync(partial, cancellationToken) is { } problem)
        {
            File.Delete(partial);
            throw new InvalidOperationException($"The backup failed its integrity check: {problem}");
        }
        File.Move(partial, target);
        var keys = ProductionEdges.GeneratedCertificatePath(dataFolder);
        if (File.Exists(keys))
        {
            File.Copy(keys, KeysPathOf(target), overwrite: true);
        }
        return target;
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups in <paramref name="folder"/>; returns what it deleted.</summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var old = Directory.GetFiles(folder, Prefix + "*" + Extension)
            .OrderByDescending(f => f, StringComparer.Ordinal) // names sort by the time they were taken
            .Skip(Math.Max(keep, 1))
            .ToList();
        foreach (var file in old)
        {
            File.Delete(file);
            File.Delete(KeysPathOf(file));
        }
        return old;
    }

    /// <summary>
    /// Replaces the database at <paramref name="connectionString"/> with <paramref name="backup"/>, after
    /// checking the backup's integrity and that no app has the database open. The database it replaces is
    /// kept beside it (<c>.before-restore</c>).
    /// </summary>
    public static async Task RestoreAsync(string backup, string connectionString, string dataFolder, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(backup))
        {
            throw new InvalidOperationException($"There is no backup at {backup}.");
        }
        if (await IntegrityProblemAsync(backup, cancellationToken) is { } problem)
        {
            throw new InvalidOperationException($"Nothing was restored: the backup failed its integrity check ({problem}).");
        }
        var database = DatabasePath(connectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
        using (RunningLock.TryTakeExclusive(database) ?? throw new InvalidOperationException(
            "Nothing was restored: the app is running on this database. Stop it, then restore."))
        {
            var incoming = database + ".restoring";
            File.Copy(backup, incoming, overwrite: true);
            if (File.Exists(database))
            {
                File.Copy(database, database + ".before-restore", overwrite: true);
            }
            // The write-ahead log and its index belong to the database being replaced.
            File.Delete(database + "-wal");
            File.Delete(database + "-shm");
            File.Move(incoming, database, overwrite: true);
        }
        var keys = KeysPathOf(backup);
        if (File.Exists(keys))
        {
            var target = ProductionEdges.GeneratedCertificatePath(dataFolder);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(keys, target, overwrite: true);
        }
    }

    /// <summary>Null when <c>PRAGMA integrity_check</c> says ok, else what it found.</summary>
    public static async Task<string?> IntegrityProblemAsync(string file, CancellationToken cancellationToken = default)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            await using var connection = new SqliteConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                return result ?? "no answer";
            }
            command.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\";";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0
                ? null
                : "it holds no LspCapacity schema";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// <c>backup &lt;folder&gt;</c> or <c>restore &lt;file&gt;</c>: runs the command and returns the exit
    /// code, or null when the arguments are not one of them.
    /// </summary>
    public static async Task<int?> RunCommandAsync(string[] args, DatabaseProvider provider, string connectionString, string dataFolder,
        TextWriter output, TextWriter error)
    {
        if (args is not [var command, ..] || command is not (BackupCommand or RestoreCommand))
        {
            return null;
        }
        if (args.Length < 2)
        {
            await error.WriteLineAsync(command == BackupCommand
                ? "Usage: dotnet run --project src/LspCapacity.Web -- backup <folder>"
                : "Usage: dotnet run --project src/LspCapacity.Web -- restore <backup file>");
            return 2;
        }
        if (provider != DatabaseProvider.Sqlite)
        {
            await error.WriteLineAsync(PostgresRefusal);
            return 1;
        }
        try
        {
            if (command == BackupCommand)
            {
                var file = await TakeAsync(connectionString, dataFolder, Path.GetFullPath(args[1]), DateTime.UtcNow);
                await output.WriteLineAsync($"Backed up to {file}");
            }
            else
            {
                await RestoreAsync(Path.GetFullPath(args[1]), connectionString, dataFolder);
                await output.WriteLineAsync($"Restored {DatabasePath(connectionString)} from {args[1]}");
            }
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static string KeysPathOf(string backup) => Path.ChangeExtension(backup, null) + KeysSuffix;
}

/// <summary>
/// Marks a SQLite database as in use by a running app: a shared lock on a file beside it, held for the
/// process's life. Any number of apps may hold it; restore needs it exclusively, so it cannot replace a
/// database under a running app.
/// </summary>
public sealed class RunningLock : IDisposable
{
    private readonly FileStream _file;

    private RunningLock(FileStream file) => _file = file;

    /// <summary>Held by a running app (shared).</summary>
    public static RunningLock Take(string database) => new(Open(database, FileShare.ReadWrite));

    /// <summary>Held by restore (exclusive); null when an app holds it.</summary>
    public static RunningLock? TryTakeExclusive(string database)
    {
        try
        {
            return new RunningLock(Open(database, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();

    private static FileStream Open(string database, FileShare share) =>
        new(database + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
}
