using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Jobs;

public sealed class PlacementNudgeJobTests : SmtpAppTest
{

    private Task<int> NudgeAsync() => App.RunAsync<PlacementNudgeJob, int>(j => j.NudgeAsync());

    [Fact]
    public async Task QuietPlacement_NudgesBothOnce_AndANewSessionStartsAFreshSpell()
    {
        // The demo pairing started 30 days ago with a session 14 days ago: quiet after 30 days without one.
        Assert.Equal(0, await NudgeAsync());
        App.Clock.Advance(TimeSpan.FromDays(16));
        Assert.Equal(2, await NudgeAsync());
        Assert.Equal(0, await NudgeAsync());
        await App.DeliverOutboxAsync();
        Assert.Equal(2, Smtp.Received.Count(m => (m.Subject ?? "").StartsWith("No session logged", StringComparison.Ordinal)));

        await App.WithDbAsync(async db =>
        {
            var placement = await db.Placements.Include(p => p.Sessions).SingleAsync();
            var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
            placement.LogSession(placement.MentorId, today, 60, SessionMode.Phone, "Caught up.", null, null, today, App.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        Assert.Equal(0, await NudgeAsync());
        App.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(2, await NudgeAsync());
    }

    [Fact]
    public async Task EndedPlacement_IsNotNudged_AndTheEndingReminderGoesOnce()
    {
        await App.WithDbAsync(async db =>
        {
            var placement = await db.Placements.SingleAsync();
            placement.EndEarly("The mentee changed jobs.");
            await db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal(0, await NudgeAsync());

        // A second, active pairing close to its end date gets the outcomes reminder, once each.
        await App.WithDbAsync(async db =>
        {
            var mentor = await db.Users.SingleAsync(u => u.Email == Demo.Mentor);
            var mentee = await db.Users.SingleAsync(u => u.Email == Demo.StaffCoventry);
            var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
            db.Placements.Add(new Placement(mentee.RegionId!.Value, PlacementKind.Coaching, mentor.Id, mentee.Id, mentee.PartnershipId!.Value,
                "Chair board meetings well.", today.AddDays(-60), today.AddDays(10), [await db.Themes.Select(t => t.Id).FirstAsync()], null, null, null));
            await db.SaveChangesAsync();
        });
        Assert.Equal(2, await NudgeAsync());
        Assert.Equal(0, await NudgeAsync());
        await App.DeliverOutboxAsync();
        Assert.Equal(2, Smtp.Received.Count(m => (m.Subject ?? "").Contains("ends on", StringComparison.Ordinal)));
    }
}
