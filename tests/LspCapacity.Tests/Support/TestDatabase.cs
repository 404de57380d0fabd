using Npgsql;

namespace LspCapacity.Tests.Support;

/// <summary>
/// Which engine the page and job tests run on. SQLite (a file per test class) unless
/// <c>LSP_TEST_POSTGRES</c> holds a connection string to a PostgreSQL server (any database on it):
/// then each test class gets its own new database there, dropped when the class is done.
/// <c>.ci/run</c> runs the suite both ways.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "LSP_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>Creates an empty database on the test server and returns its connection string.</summary>
    public static string CreatePostgresDatabase(string server)
    {
        var name = "lsp_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40, Timeout = 60 }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabase"/>, closing whatever still uses it.</summary>
    public static void DropPostgresDatabase(string server, string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
