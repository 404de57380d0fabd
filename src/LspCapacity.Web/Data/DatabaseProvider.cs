using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LspCapacity.Web.Data;

/// <summary>Which database engine the app runs on: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file under the data folder. One machine, one region.</summary>
    Sqlite,

    /// <summary>The scale-out engine: several web nodes on one server.</summary>
    Postgres,
}

/// <summary>The one place that turns <c>Database:*</c> settings into EF Core options.</summary>
public static class Databases
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : config["Database:Provider"] is { Length: > 0 } unknown
                ? throw new InvalidOperationException($"Database:Provider '{unknown}' is not known: use Sqlite or Postgres.")
                : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration config, DatabaseProvider provider, string dataFolder) =>
        config["Database:ConnectionString"] is { Length: > 0 } cs ? cs
        : provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(dataFolder, "lspcapacity.db")}"
        : throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");

    /// <summary>
    /// Applies the pending migrations. On PostgreSQL the migrations history table is created first: EF
    /// Core's Npgsql provider reads it before creating it, and logs the refusal on a new database as a
    /// failure (efcore.pg issue 3407) although nothing is wrong.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
        // A scope added after a database was created (the Initial migration is edited in place until the
        // first release) gets its counter here; without it the scope's cache could never be told of a change.
        var present = await db.DataVersions.AsNoTracking().Select(v => v.Name).ToListAsync(cancellationToken);
        var missing = DataScopes.All.Except(present).ToList();
        if (missing.Count > 0)
        {
            db.DataVersions.AddRange(missing.Select(name => new DataVersion(name)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the chosen engine (with its own migration set), pooled: a
    /// request's context comes from EF's pool and goes back to it (creating a context and EF's internal
    /// services for it was the largest allocator of a request). The options are built once (they hold only
    /// the connection string and singleton interceptors). A context is given the scope's clock, outbox
    /// signal and write gate as it is leased (<see cref="AppDbContext.LeasedTo"/>).
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, options) => options
                .UseNpgsql(connectionString)
                .ConfigureWarnings(NoModelComparisonOnMigrating)
                .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>().CreateDbContext()
                .LeasedTo(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOutboxSignal>(), WriteGate.Open));
        }
        else
        {
            SqliteEngine.Configure();
            services.AddSingleton<SqlitePragmas>();
            services.AddSingleton<SqliteStatementCache>();
            services.AddSingleton(new WriteGate(serialise: true));
            // A list of ids in a query (ids.Contains(x.Id)) as one JSON parameter (IN (SELECT value FROM json_each(@ids))), as EF
            // did before 10: EF 10 by default spreads the list over one parameter per value, and then rewrites the SQL for every
            // run (measured: the rewriting was about a tenth of the programme plan's CPU). SQLite still searches the column's
            // index for each value (checked with EXPLAIN QUERY PLAN on the provider register's and the plan's lists).
            services.AddPooledDbContextFactory<AppDbContext>((sp, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .KeepingPreparedStatements(sp.GetRequiredService<SqliteStatementCache>())
                .ConfigureWarnings(NoModelComparisonOnMigrating)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmas>(), sp.GetRequiredService<OutboxCommitInterceptor>()));
            services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext()
                .LeasedTo(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOutboxSignal>(), sp.GetRequiredService<WriteGate>()));
        }
        return services;
    }

    /// <summary>
    /// Migrating at start-up does not compare the model with the migration set's snapshot: EF builds the snapshot's model
    /// and a design-time model and diffs them, only to log a warning, on every start (measured in docs/performance.md).
    /// <c>MigrationSetTests</c> makes that comparison for both engines' sets in every test run instead.
    /// </summary>
    private static void NoModelComparisonOnMigrating(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
}
