using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Mail;

public class OutboxPageTests
{
    private static async Task<long> QueueFailedAsync(AppFactory app, string key, int? regionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LspCapacity.Web.Data.AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await outbox.QueueAsync(db, key, $"{key}@example.org", null, "password-changed",
            new Dictionary<string, string?> { ["ChangedAt"] = "today" }, default, regionId);
        await db.SaveChangesAsync();
        var message = await db.OutboxMessages.SingleAsync(m => m.DeduplicationKey == key);
        message.RecordPermanentFailure(app.Clock.GetUtcNow().UtcDateTime, "550 mailbox unavailable");
        await db.SaveChangesAsync();
        return message.Id;
    }

    [Fact]
    public async Task Coordinator_SeesTheirRegionsFailure_RetriesIt_AndItGoesOut()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        var westMidlands = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync());
        var (northWest, _) = await app.AddOtherRegionAsync();
        var ours = await QueueFailedAsync(app, "ours", westMidlands);
        await QueueFailedAsync(app, "theirs", northWest);

        var coordinator = app.CreateClientAs(Demo.Coordinator);
        var page = await coordinator.GetDocumentAsync("/outbox?status=Failed");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("ours@example.org", text);
        Assert.Contains("550 mailbox unavailable", text);
        Assert.DoesNotContain("theirs@example.org", text);

        var retry = await coordinator.SubmitFormAsync("/outbox?status=Failed", new Dictionary<string, string>(), button: "Retry");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(OutboxStatus.Pending, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ours).Select(m => m.Status).SingleAsync()));

        var delivered = await app.DeliveredToAsync("ours@example.org");
        Assert.Single(delivered);
        Assert.Equal(OutboxStatus.Sent, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ours).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task PasswordResetEmail_IsShownToTheCoordinatorsOfThePersonsRegion()
    {
        await using var app = new AppFactory();
        var asked = await app.CreateAnonymousClient().SubmitFormAsync("/account/reset-password",
            new Dictionary<string, string> { ["Input.Email"] = Demo.StaffBirmingham });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await app.AddOtherRegionAsync();

        var ours = (await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/outbox")).QuerySelector("main")!.TextContent;
        Assert.Contains(Demo.StaffBirmingham, ours);
        var theirs = (await app.CreateClientAs(TestData.OtherCoordinator).GetDocumentAsync("/outbox")).QuerySelector("main")!.TextContent;
        Assert.DoesNotContain(Demo.StaffBirmingham, theirs);
    }

    [Fact]
    public async Task Coordinator_CannotRetryAnotherRegionsEmail()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        var (northWest, _) = await app.AddOtherRegionAsync();
        var theirs = await QueueFailedAsync(app, "theirs", northWest);

        var response = await app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/outbox", $"/outbox?handler=Retry&id={theirs}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OutboxStatus.Failed, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == theirs).Select(m => m.Status).SingleAsync()));
    }
}
