using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace LspCapacity.Web.Data;

// SqliteRelationalConnection is EF Core's own (internal) SQLite connection service; the subclass changes only when the
// physical connection closes. EF1001 warns that internal APIs may change between releases: the tests below pin the
// behaviour (SqliteStatementsTests), so an EF upgrade that breaks it fails them rather than the app.
#pragma warning disable EF1001

/// <summary>
/// A pooled context's SQLite connection stays open while the context lives (across the requests it is leased to)
/// instead of closing after every query. Microsoft.Data.Sqlite finalises every statement made on a connection when it
/// closes, so only an open connection can keep prepared statements (<see cref="SqliteStatementCache"/>). The
/// connection holds no lock while idle: a statement is reset when its reader is disposed, and EF rolls back any
/// transaction left open when the context goes back to the pool. It closes when the context is disposed for good: by
/// EF for a context outside the pool, by <see cref="AppDbContext"/> when the pool, full, tears it down, and by
/// <see cref="SqliteStatementCache.Dispose"/> for those still in the pool when the app stops. Their number is the
/// pool's size at most (<see cref="Databases.SqlitePoolSize"/>).
/// </summary>
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
        if (DbConnection.State == ConnectionState.Broken)
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync() =>
        DbConnection.State == ConnectionState.Broken ? base.CloseDbConnectionAsync() : Task.CompletedTask;

    /// <summary>Closes a kept connection (and so finalises its statements); nothing for any other.</summary>
    public static void Close(DbConnection? connection)
    {
        if (connection is SqliteConnection { State: ConnectionState.Open } sqlite)
        {
            sqlite.Close();
        }
    }
}

public static class SqliteStatementOptions
{
    /// <summary>Connections kept open for their context's life, each keeping its recent queries prepared.</summary>
    public static DbContextOptionsBuilder KeepingPreparedStatements(this DbContextOptionsBuilder options, SqliteStatementCache cache) =>
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>().AddInterceptors(cache);
}
#pragma warning restore EF1001

/// <summary>
/// Keeps each connection's recently used query commands prepared, so that a query SQLite has parsed and planned once
/// on a connection runs again without parsing and planning (Microsoft.Data.Sqlite prepares every new command afresh;
/// measured, parsing was about two thirds of SQLite's time for the catalogue's query). EF creates a command for every
/// query; when its SQL matches a command kept on the same connection, the kept one (its statements prepared) runs
/// with the new command's parameters instead. A command is kept when its reader is disposed; at most
/// <see cref="PerConnection"/> per connection, the least recently used finalised first. Only readers (queries and
/// <c>SaveChanges</c>' batches); commands run for a row count or a scalar are left to EF.
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor, IDisposable
{
    /// <summary>How many prepared commands a connection keeps: more than the distinct queries of a busy page mix.</summary>
    public const int PerConnection = 64;

    private readonly ConditionalWeakTable<SqliteConnection, Kept> _byConnection = [];

    /// <summary>How many commands the connection keeps prepared now (for tests).</summary>
    internal int KeptOn(SqliteConnection connection) => _byConnection.TryGetValue(connection, out var kept) ? kept.Count : 0;

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result is not SqliteCommand { Connection: { } connection } fresh)
        {
            return result;
        }
        // Every connection EF runs a command on is known here, so that Dispose can close it.
        var kept = _byConnection.GetValue(connection, static c => new Kept(c));
        if (eventData.ExecuteMethod != DbCommandMethod.ExecuteReader || kept.Take(fresh.CommandText) is not { } prepared)
        {
            return result;
        }
        prepared.Transaction = fresh.Transaction;
        prepared.CommandTimeout = fresh.CommandTimeout;
        var parameters = new SqliteParameter[fresh.Parameters.Count];
        fresh.Parameters.CopyTo(parameters, 0);
        fresh.Parameters.Clear();
        prepared.Parameters.AddRange(parameters);
        fresh.Dispose();
        return prepared;
    }

    /// <summary>
    /// Does what EF does when a query's reader is disposed (the reader disposed, the command's parameters cleared, the
    /// connection released) except that the command is kept rather than disposed.
    /// </summary>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (result.IsSuppressed
            || eventData.Context is not { } context
            || command is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } sqlite
            || !ReferenceEquals(connection, context.Database.GetDbConnection())
            || !_byConnection.TryGetValue(connection, out var kept))
        {
            return result;
        }
        eventData.DataReader.Dispose();
        sqlite.Parameters.Clear();
        sqlite.Transaction = null;
        kept.Put(sqlite);
        context.Database.CloseConnection();
        return InterceptionResult.Suppress();
    }

    /// <summary>When the app stops: closes the connections still open (those of the contexts left in EF's pool).</summary>
    public void Dispose()
    {
        foreach (var (connection, _) in _byConnection)
        {
            try
            {
                KeptOpenSqliteConnection.Close(connection);
            }
            catch (SqliteException)
            {
                // Stopping: a connection that will not close cleanly is closed by its handle's finaliser.
            }
        }
    }

    /// <summary>One connection's kept commands by SQL, least recently used first. Used by one context (thread) at a time.</summary>
    private sealed class Kept
    {
        private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _bySql = new(StringComparer.Ordinal);
        private readonly LinkedList<SqliteCommand> _byUse = new();

        public Kept(SqliteConnection connection) =>
            // Closing a connection disposes every command made on it (their statements with them).
            connection.StateChange += (_, e) =>
            {
                if (e.CurrentState != ConnectionState.Open)
                {
                    _bySql.Clear();
                    _byUse.Clear();
                }
            };

        public int Count => _byUse.Count;

        public SqliteCommand? Take(string sql)
        {
            if (!_bySql.Remove(sql, out var node))
            {
                return null;
            }
            _byUse.Remove(node);
            return node.Value;
        }

        public void Put(SqliteCommand command)
        {
            if (_bySql.ContainsKey(command.CommandText))
            {
                command.Dispose(); // the same SQL ran twice at once (one reader inside another): one is enough
                return;
            }
            _bySql[command.CommandText] = _byUse.AddLast(command);
            if (_byUse.Count > PerConnection)
            {
                var oldest = _byUse.First!;
                _byUse.RemoveFirst();
                _bySql.Remove(oldest.Value.CommandText);
                oldest.Value.Dispose();
            }
        }
    }
}
