using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LspCapacity.Web.Data;

/// <summary>
/// <see cref="AppDbContext"/> on PostgreSQL. The model is the same; the type exists so that the
/// PostgreSQL migration set (Data/Postgres/Migrations) is kept apart from SQLite's (Data/Migrations).
/// Add a migration to both when the model changes:
/// <c>dotnet ef migrations add X --project src/LspCapacity.Web --context AppDbContext -o Data/Migrations</c> and
/// <c>dotnet ef migrations add X --project src/LspCapacity.Web --context PostgresAppDbContext -o Data/Postgres/Migrations</c>.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server (no connection is opened).</summary>
public sealed class PostgresAppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=127.0.0.1;Database=lspcapacity").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model for <c>--context AppDbContext</c> (without it, the tools pick the PostgreSQL factory).</summary>
public sealed class SqliteAppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class NoOutboxSignal : IOutboxSignal
{
    public static readonly NoOutboxSignal Instance = new();

    public void EmailQueued()
    {
    }
}
