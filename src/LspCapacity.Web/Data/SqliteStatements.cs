using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Sqlite.Query.Internal;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace LspCapacity.Web.Data;

// SqliteRelationalConnection is EF Core's own (internal) SQLite connection service; the subclass changes only where a
// context's connection comes from when EF opens it and where it goes when EF closes it. EF1001 warns that internal APIs
// may change between releases: SqliteStatementsTests pin the behaviour, so an EF upgrade that breaks it fails them.
#pragma warning disable EF1001

/// <summary>
/// When EF opens a context's SQLite connection for a query or a transaction, it borrows an open one from the app's
/// <see cref="SqliteStatementCache"/> instead, and gives it back when EF closes it, instead of opening and closing a
/// connection of its own. Microsoft.Data.Sqlite finalises every statement made on a connection when it closes, so
/// only a connection that stays open can keep its statements prepared. A connection is lent to one context at a time,
/// as Microsoft.Data.Sqlite's own pool lends its handles: as many are open as queries run at once, not as requests.
/// Everything else (the connection EF reports when none is lent, a connection the app set or opened itself) is EF's.
/// </summary>
public sealed class LendingSqliteConnection : SqliteRelationalConnection
{
    private readonly SqliteStatementCache? _cache;
    private SqliteConnection? _lent;

    public LendingSqliteConnection(
        RelationalConnectionDependencies dependencies,
        IRawSqlCommandBuilder rawSqlCommandBuilder,
        IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
        : base(dependencies, rawSqlCommandBuilder, logger) =>
        _cache = dependencies.ContextOptions.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteStatementCache>().FirstOrDefault();

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override DbConnection DbConnection
    {
        get => _lent ?? base.DbConnection;
        set => base.DbConnection = value;
    }

    protected override void OpenDbConnection(bool errorsExpected)
    {
        if (_cache is null || ConnectionString is not { } connectionString)
        {
            base.OpenDbConnection(errorsExpected);
            return;
        }
        // A new connection is made by EF (so it has EF's SQLite functions) and opened by the cache.
        _lent = _cache.Borrow(connectionString, () => (SqliteConnection)CreateDbConnection());
    }

    protected override Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        OpenDbConnection(errorsExpected); // opening a SQLite file does no I/O worth awaiting
        return Task.CompletedTask;
    }

    protected override void CloseDbConnection()
    {
        if (_lent is { } lent)
        {
            _lent = null;
            _cache!.GiveBack(ConnectionString!, lent);
            return;
        }
        base.CloseDbConnection();
    }

    protected override Task CloseDbConnectionAsync()
    {
        if (_lent is null)
        {
            return base.CloseDbConnectionAsync();
        }
        CloseDbConnection();
        return Task.CompletedTask;
    }
}

/// <summary>
/// EF's SQLite SQL, with a page size given as a parameter written <c>LIMIT +@take</c> instead of <c>LIMIT @take</c>. SQLite
/// (3.53, measured with <c>SQLITE_STMTSTATUS_REPREPARE</c>) plans a statement whose LIMIT is a bare parameter with that
/// parameter's value, so every time the parameter is bound again it parses and plans the statement anew: a kept statement
/// of a paged list would gain nothing. The unary plus makes the LIMIT an expression worked out as the statement runs, with
/// the same rows.
/// </summary>
public sealed class KeptLimitSqlGeneratorFactory(QuerySqlGeneratorDependencies dependencies) : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() => new Generator(dependencies);

    private sealed class Generator(QuerySqlGeneratorDependencies dependencies) : SqliteQuerySqlGenerator(dependencies)
    {
        protected override void GenerateLimitOffset(SelectExpression selectExpression)
        {
            if (selectExpression.Limit is not SqlParameterExpression limit)
            {
                base.GenerateLimitOffset(selectExpression);
                return;
            }
            Sql.AppendLine().Append("LIMIT +");
            Visit(limit);
            if (selectExpression.Offset is { } offset)
            {
                Sql.Append(" OFFSET ");
                Visit(offset);
            }
        }
    }
}

public static class SqliteStatementOptions
{
    /// <summary>Connections lent open from the app's <paramref name="cache"/>, each keeping its recent queries prepared.</summary>
    public static DbContextOptionsBuilder KeepingPreparedStatements(this DbContextOptionsBuilder options, SqliteStatementCache cache) =>
        options.ReplaceService<ISqliteRelationalConnection, LendingSqliteConnection>()
            .ReplaceService<IQuerySqlGeneratorFactory, KeptLimitSqlGeneratorFactory>()
            .AddInterceptors(cache);
}
#pragma warning restore EF1001

/// <summary>
/// Open SQLite connections, each keeping its recently used query commands prepared, so that a query SQLite has parsed
/// and planned once on a connection runs again without parsing and planning (Microsoft.Data.Sqlite prepares every new
/// command afresh; measured, parsing was about two thirds of SQLite's time for the catalogue's query).
/// <list type="bullet">
/// <item>Connections: lent to contexts by <see cref="LendingSqliteConnection"/>, most recently returned first, so the
/// few that serve most queries stay warm. At most <see cref="IdlePerDatabase"/> wait open for the next query; one
/// given back beyond that, or inside a transaction, is closed. The app's stop closes the rest (<see cref="Dispose"/>).</item>
/// <item>Statements: EF creates a command for every query; when its SQL matches a command kept on the same connection,
/// the kept one (its statements prepared) runs with the new command's parameters instead. A command is kept when its
/// reader is disposed (a statement is reset then, so an idle connection holds no read lock); at most
/// <see cref="PerConnection"/> per connection, the least recently used finalised first. Only readers (queries and
/// <c>SaveChanges</c>' batches) are kept; a command run for a row count or a scalar is EF's own, moved to the lent
/// connection and disposed by EF.</item>
/// </list>
/// A connection and its commands are used by one thread at a time (the borrower's), which SQLite's multi-thread mode
/// requires (<see cref="SqliteEngine"/>): a statement is finalised by the thread that has its connection, never by another.
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor, IDisposable
{
    /// <summary>How many prepared commands a connection keeps: more than the distinct queries of a busy page mix.</summary>
    public const int PerConnection = 64;

    /// <summary>How many open connections wait for the next query (per database file): more than two cores run at once.</summary>
    public const int IdlePerDatabase = 16;

    private readonly ConditionalWeakTable<SqliteConnection, Kept> _byConnection = [];
    private readonly ConditionalWeakTable<DbCommand, SqliteCommand> _running = [];
    private readonly ConcurrentDictionary<string, Idle> _idle = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>An open connection to the database: one waiting, or a new one from <paramref name="create"/>, opened.</summary>
    internal SqliteConnection Borrow(string connectionString, Func<SqliteConnection> create)
    {
        var idle = _idle.GetOrAdd(connectionString, static _ => new Idle());
        while (idle.TryTake() is { } waiting)
        {
            if (waiting.State == ConnectionState.Open)
            {
                return waiting;
            }
            waiting.Dispose();
        }
        var connection = create();
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        _byConnection.Add(connection, new Kept(connection));
        return connection;
    }

    /// <summary>Takes a connection back to wait for the next query, or closes it (the pool full, or a transaction left open).</summary>
    internal void GiveBack(string connectionString, SqliteConnection connection)
    {
        if (connection is { State: ConnectionState.Open, Handle: { } handle } && raw.sqlite3_get_autocommit(handle) == 0)
        {
            // A transaction begun in SQL and never ended: rolled back, or Microsoft.Data.Sqlite's pool would hand the
            // handle, still inside it, to the next connection opened. Closed whether or not the rollback succeeds.
            try
            {
                using var rollback = connection.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }
            finally
            {
                connection.Dispose();
            }
            return;
        }
        if (!_disposed
            && connection.State == ConnectionState.Open
            && _idle.TryGetValue(connectionString, out var idle) && idle.TryAdd(connection))
        {
            return;
        }
        connection.Dispose();
    }

    /// <summary>How many commands the connection keeps prepared now (for tests).</summary>
    internal int KeptOn(SqliteConnection connection) => _byConnection.TryGetValue(connection, out var kept) ? kept.Count : 0;

    /// <summary>The open connections waiting for the database now (for tests).</summary>
    internal IReadOnlyList<SqliteConnection> Waiting(string connectionString) => _idle.TryGetValue(connectionString, out var idle) ? idle.Snapshot() : [];

    // EF makes a query's command before it opens the connection, so the command is made on the context's own (closed)
    // connection; by the time it runs, EF has opened the context's connection, i.e. borrowed one (eventData.Connection).
    // A reader runs on the borrowed connection's kept command for its SQL (or a new one, kept afterwards) with EF's
    // command's parameters; EF's own command is never run. A row count or a scalar runs EF's command, moved to the
    // borrowed connection.

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        result.HasResult || RunOnKept(command, eventData) is not { } run ? result : InterceptionResult<DbDataReader>.SuppressWithResult(Execute(command, run));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        // Microsoft.Data.Sqlite runs a command synchronously whichever way it is called.
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    /// <summary>Runs the command; one that fails is finalised here, by the thread that has its connection.</summary>
    private SqliteDataReader Execute(DbCommand asked, SqliteCommand run)
    {
        try
        {
            return run.ExecuteReader();
        }
        catch
        {
            _running.Remove(asked);
            run.Dispose();
            throw;
        }
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        MovedToLent(command, eventData, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(MovedToLent(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        MovedToLent(command, eventData, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(MovedToLent(command, eventData, result));

    /// <summary>The command to run EF's reader command on: the lent connection's kept one for its SQL, or a new one there.</summary>
    private SqliteCommand? RunOnKept(DbCommand command, CommandEventData eventData)
    {
        if (command is not SqliteCommand asked
            || eventData.Connection is not SqliteConnection lent
            || !_byConnection.TryGetValue(lent, out var kept))
        {
            return null;
        }
        var run = kept.Take(asked.CommandText) ?? new SqliteCommand(asked.CommandText, lent);
        run.Transaction = asked.Transaction;
        run.CommandTimeout = asked.CommandTimeout;
        var parameters = new SqliteParameter[asked.Parameters.Count];
        asked.Parameters.CopyTo(parameters, 0);
        asked.Parameters.Clear();
        run.Parameters.AddRange(parameters);
        _running.AddOrUpdate(asked, run);
        return run;
    }

    /// <summary>EF's command (made on the context's own connection) moved to the connection lent for it, to run there.</summary>
    private T MovedToLent<T>(DbCommand command, CommandEventData eventData, T result)
    {
        if (command is SqliteCommand sqlite
            && eventData.Connection is SqliteConnection lent
            && !ReferenceEquals(sqlite.Connection, lent)
            && _byConnection.TryGetValue(lent, out _))
        {
            sqlite.Connection = lent;
        }
        return result;
    }

    /// <summary>
    /// Does what EF does when a query's reader is disposed (the reader disposed, the command's parameters cleared, the
    /// connection released) except that the command that ran is kept rather than disposed.
    /// </summary>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (result.IsSuppressed || !_running.TryGetValue(command, out var run))
        {
            return result;
        }
        _running.Remove(command);
        eventData.DataReader.Dispose();
        run.Parameters.Clear();
        run.Transaction = null;
        if (run.Connection is { State: ConnectionState.Open } connection && _byConnection.TryGetValue(connection, out var kept))
        {
            kept.Put(run);
        }
        else
        {
            run.Dispose();
        }
        command.Dispose();
        eventData.Context?.Database.CloseConnection();
        return InterceptionResult.Suppress();
    }

    /// <summary>When the app stops: closes the connections waiting (none is lent once requests and jobs have stopped).</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var idle in _idle.Values)
        {
            while (idle.TryTake() is { } connection)
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>The open connections waiting for one database, the most recently given back on top.</summary>
    private sealed class Idle
    {
        private readonly Stack<SqliteConnection> _waiting = new();

        public SqliteConnection[] Snapshot()
        {
            lock (_waiting)
            {
                return [.. _waiting];
            }
        }

        public SqliteConnection? TryTake()
        {
            lock (_waiting)
            {
                return _waiting.TryPop(out var connection) ? connection : null;
            }
        }

        public bool TryAdd(SqliteConnection connection)
        {
            lock (_waiting)
            {
                if (_waiting.Count >= IdlePerDatabase)
                {
                    return false;
                }
                _waiting.Push(connection);
                return true;
            }
        }
    }

    /// <summary>One connection's kept commands by SQL, least recently used first. Used by one thread at a time (the borrower's).</summary>
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
