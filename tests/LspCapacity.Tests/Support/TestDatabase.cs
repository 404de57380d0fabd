using LspCapacity.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LspCapacity.Tests.Support;

/// <summary>
/// Which engine the page and job tests run on. SQLite (a file per test class) unless
/// <c>LSP_TEST_POSTGRES</c> holds a connection string to a PostgreSQL server (any database on it):
/// then each test class gets its own new database there, dropped when the class is done.
/// <c>.ci/run</c> runs the suite both ways.
/// Migrating and seeding take most of an app's start-up, so each engine's database is migrated and
/// seeded once per test run, by the app itself, into a template (<see cref="SqliteTemplate"/>,
/// <see cref="PostgresTemplate"/>); each test class starts on a copy of it, which the app's start-up
/// finds up to date (no migration pending, every seed row already there).
/// </summary>
public static class TestDatabase
{
    public const string Variable = "LSP_TEST_POSTGRES";

    /// <summary>The SQLite database's file name in the app's data folder (<see cref="Databases.ConnectionString"/>).</summary>
    public const string SqliteFileName = "lspcapacity.db";

    private static readonly Lazy<string> SqliteTemplateFile = new(BuildSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgresTemplateDatabase = new(BuildPostgresTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string? PostgresServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    private static readonly Lazy<string> DataProtectionCertificateFile = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "lspcapacity-tests", "keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "data-protection.pfx");
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=LspCapacity tests", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDeleteFolder(folder);
        return path;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The PFX that encrypts every test app's Data Protection keys (DataProtection:CertificatePath).</summary>
    public static string DataProtectionCertificate => DataProtectionCertificateFile.Value;

    /// <summary>The migrated and seeded SQLite file of this test run (built on first use).</summary>
    public static string SqliteTemplate => SqliteTemplateFile.Value;

    /// <summary>The connection string of this test run's migrated and seeded PostgreSQL template database (built on first use).</summary>
    public static string PostgresTemplate => For(PostgresServer!, PostgresTemplateDatabase.Value);

    /// <summary>The connection string of a new database on the test server, not yet created (see <see cref="CreatePostgresDatabase"/>).</summary>
    public static string NewPostgresDatabase(string server) => For(server, "lsp_test_" + Guid.NewGuid().ToString("N"));

    /// <summary>Creates an empty database on the test server and returns its connection string.</summary>
    public static string CreatePostgresDatabase(string server)
    {
        var connectionString = NewPostgresDatabase(server);
        Execute(server, $"CREATE DATABASE \"{Name(connectionString)}\"");
        return connectionString;
    }

    /// <summary>Puts a copy of the template where the app in <paramref name="dataFolder"/> looks for its database.</summary>
    public static void CopySqliteTemplate(string dataFolder) =>
        File.Copy(SqliteTemplate, Path.Combine(dataFolder, SqliteFileName), overwrite: false);

    /// <summary>
    /// Creates the database of <paramref name="connectionString"/> as a copy of the template; does nothing
    /// if it exists already (a second node of the same installation got there first).
    /// </summary>
    public static void CreatePostgresDatabaseFromTemplate(string connectionString)
    {
        var template = PostgresTemplateDatabase.Value;
        try
        {
            Execute(PostgresServer!, $"CREATE DATABASE \"{Name(connectionString)}\" TEMPLATE \"{template}\"");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabase"/>, closing whatever still uses it.</summary>
    public static void DropPostgresDatabase(string server, string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        Execute(server, $"DROP DATABASE IF EXISTS \"{Name(connectionString)}\" WITH (FORCE)");
    }

    /// <summary>The app migrates and seeds a database of its own; a consistent copy of it (SQLite's backup, WAL included) is the template.</summary>
    private static string BuildSqliteTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lspcapacity-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var template = Path.Combine(folder, SqliteFileName);
        using (var app = AppFactory.TemplateBuilder(postgresConnectionString: null))
        {
            ForgetKeys(app);
            using var source = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, SqliteFileName)};Pooling=False");
            using var target = new SqliteConnection($"Data Source={template};Pooling=False");
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDeleteFolder(folder);
        return template;
    }

    private static string BuildPostgresTemplate()
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{Variable} is not set.");
        var connectionString = CreatePostgresDatabase(server);
        using (var app = AppFactory.TemplateBuilder(connectionString))
        {
            ForgetKeys(app);
        }
        // CREATE DATABASE … TEMPLATE refuses a template that anyone is connected to.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                DropPostgresDatabase(server, connectionString);
            }
            catch (NpgsqlException)
            {
                // The server went first (scripts/postgres-local stop): nothing is left to drop.
            }
        };
        return Name(connectionString);
    }

    /// <summary>Starts the template's app (migrating and seeding it) and leaves no data-protection key behind: every installation makes its own.</summary>
    private static void ForgetKeys(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ExecuteDelete();
    }

    private static string For(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 40, Timeout = 60 }.ConnectionString;

    private static string Name(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new InvalidOperationException("The connection string names no database.");

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
