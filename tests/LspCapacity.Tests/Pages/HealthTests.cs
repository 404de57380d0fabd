using System.Net;
using System.Text.Json;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages;

public class HealthTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public HealthTests(AppFactory app) => _app = app;

    [Fact]
    public async Task Health_ReportsDatabaseAndJobStorage_ToAnAdmin()
    {
        var response = await _app.CreateClientAs(Demo.Admin).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_IsUnhealthy_WhenTheDatabaseIsGone()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient(); // start the app, which creates the database
        if (app.PostgresConnectionString is { } postgres)
        {
            TestDatabase.DropPostgresDatabase(TestDatabase.PostgresServer!, postgres);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var database = Path.Combine(app.DataFolder, "lspcapacity.db");
            foreach (var file in Directory.GetFiles(app.DataFolder, "lspcapacity.db*"))
            {
                File.Delete(file);
            }
            File.WriteAllText(database, "this is not a database, whatever its name says");
        }

        var response = await app.CreateAnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
