using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.People;

/// <summary>
/// Inviting a person and changing one write through the app's unit of work: on SQLite they queue at the
/// write gate while another writer holds it, rather than opening a transaction of their own beside it.
/// On SQLite whatever the run's engine: PostgreSQL has no gate.
/// </summary>
public class PeopleUnitOfWorkTests : IClassFixture<PeopleUnitOfWorkTests.SqliteApp>
{
    private readonly AppFactory _app;

    public PeopleUnitOfWorkTests(SqliteApp app) => _app = app.App;

    public sealed class SqliteApp : IAsyncLifetime
    {
        public AppFactory App { get; } = AppFactory.OnSqlite();

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>Shows the form, then posts it while another writer holds the gate: the post must wait for the gate.</summary>
    private async Task<HttpResponseMessage> PostWhileTheGateIsHeldAsync(HttpClient client, string url, Dictionary<string, string> values,
        string formSelector = "main form", string? button = null)
    {
        var document = await client.GetDocumentAsync(url);
        var gate = _app.Services.GetRequiredService<WriteGate>();
        Task<HttpResponseMessage> posting;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            posting = client.SubmitAsync(document, url, values, formSelector, button);
            await Task.Delay(500);
            Assert.False(posting.IsCompleted, "the write went ahead while another writer held the gate");
        }
        return await posting.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Invite_WaitsAtTheWriteGate()
    {
        var response = await PostWhileTheGateIsHeldAsync(_app.CreateClientAs(Demo.Coordinator), "/people/invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Gale Gate",
            ["Input.Email"] = "gale@sandwell.example",
            ["Input.Role"] = Roles.LspStaff,
            ["Input.PartnershipId"] = (await _app.PartnershipIdAsync("Sandwell")).ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await _app.UserIdAsync("gale@sandwell.example");
        Assert.True(await _app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.UserId == id)));
    }

    [Fact]
    public async Task ChangeRole_WaitsAtTheWriteGate()
    {
        var id = await _app.UserIdAsync(Demo.StaffBirmingham);
        var response = await PostWhileTheGateIsHeldAsync(_app.CreateClientAs(Demo.Coordinator), $"/people/{id}",
            new Dictionary<string, string> { ["Input.Role"] = Roles.Mentor }, "form[action*='handler=Role']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Roles.Mentor, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Role).SingleAsync()));
    }

    [Fact]
    public async Task Deactivate_WaitsAtTheWriteGate()
    {
        var id = await _app.UserIdAsync(Demo.StaffCoventry);
        var response = await PostWhileTheGateIsHeldAsync(_app.CreateClientAs(Demo.Coordinator), $"/people/{id}",
            new Dictionary<string, string>(), button: "Deactivate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }
}
