using LspCapacity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Data;

/// <summary>
/// Each engine has its own migration set; both must describe the whole model. When this fails, add a
/// migration to the set it names (the commands are on <see cref="PostgresAppDbContext"/>).
/// </summary>
public class MigrationSetTests
{
    [Fact]
    public void SqliteMigrations_CoverTheWholeModel()
    {
        using var db = new SqliteAppDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.True(db.Database.IsSqlite());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the SQLite migrations lack: dotnet ef migrations add <Name> --project src/LspCapacity.Web --context LspCapacity.Web.Data.AppDbContext -o Data/Migrations");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgresMigrations_CoverTheWholeModel()
    {
        using var db = new PostgresAppDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the PostgreSQL migrations lack: dotnet ef migrations add <Name> --project src/LspCapacity.Web --context LspCapacity.Web.Data.PostgresAppDbContext -o Data/Postgres/Migrations");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void TheTwoSets_AreKeptApart()
    {
        using var sqlite = new SqliteAppDbContextDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresAppDbContextDesignTimeFactory().CreateDbContext([]);

        // Same migration names may exist in both; never the same migration class.
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }
}
