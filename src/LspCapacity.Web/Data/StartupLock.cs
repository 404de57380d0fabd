using Npgsql;

namespace LspCapacity.Web.Data;

/// <summary>
/// Lets one node at a time through start-up on PostgreSQL, so that nodes may be started together (a
/// new installation, or a rolling deploy with migrations to apply): the first node creates the
/// database if it is missing, applies the pending migrations, installs the job storage's schema and
/// loads the seed; the others wait, then find nothing left to do. EF Core's own migration lock is
/// not enough: it does not cover creating the database or the seed, and two nodes applying several
/// pending migrations at once both applied the same one.
/// The lock is a session advisory lock on a fixed key (<see cref="Key"/>), held on a connection of its
/// own (not pooled) for the whole start-up and released when that connection closes, so a node that
/// dies while starting never leaves it held. On SQLite (one machine) there is nothing to lock.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key ("LspStart" in ASCII); nothing else in the database may use it.</summary>
    public const long Key = 0x4C73_7053_7461_7274;

    private readonly NpgsqlConnection? _held;

    private StartupLock(NpgsqlConnection? held) => _held = held;

    /// <summary>
    /// Takes the lock, waiting for another node's start-up to finish; on PostgreSQL, creates the
    /// database first when it does not exist (at once: not after the connection retries of EF Core
    /// and the job storage, which took half a minute and logged failures).
    /// </summary>
    public static async Task<StartupLock> AcquireAsync(DatabaseProvider provider, string connectionString, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return new StartupLock(null);
        }
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (!await ExistsAsync(target, cancellationToken))
        {
            await CreateAsync(target, logger, cancellationToken);
        }
        var connection = new NpgsqlConnection(target.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await LockAsync(connection, logger, cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    /// <summary>
    /// Creates the database from the server's maintenance database, under the same lock there, so that
    /// of several nodes started together exactly one creates it.
    /// </summary>
    private static async Task CreateAsync(NpgsqlConnectionStringBuilder target, ILogger logger, CancellationToken cancellationToken)
    {
        var name = target.Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");
        await using var server = await OpenMaintenanceDatabaseAsync(target, cancellationToken);
        await LockAsync(server, logger, cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return; // another node created it while this one waited
            }
        }
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", server))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        logger.LogInformation("Created the PostgreSQL database {Database}, which did not exist", name);
    }

    /// <summary>"postgres", or "template1" where that is missing (as EF Core's own database creator does).</summary>
    private static async Task<NpgsqlConnection> OpenMaintenanceDatabaseAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        foreach (var database in new[] { "postgres", "template1" })
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = database }.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && database == "postgres")
            {
                await connection.DisposeAsync();
            }
        }
        throw new InvalidOperationException("Unreachable: the last maintenance database's error is thrown.");
    }

    private static async Task LockAsync(NpgsqlConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection);
        if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
        {
            return;
        }
        logger.LogInformation("Another node is starting on this database (creating or migrating it, or loading the seed); waiting for it to finish");
        // As long as that takes: a big migration is not a reason to fail.
        await using var waitForLock = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 };
        await waitForLock.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Releases the lock: the connection is not pooled, so closing it ends the session that holds it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_held is not null)
        {
            await _held.DisposeAsync();
        }
    }
}
