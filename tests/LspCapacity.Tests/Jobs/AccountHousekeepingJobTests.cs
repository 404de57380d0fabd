using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Jobs;

/// <summary>The sign-in tables do not grow without end: old sessions end, idle failure counters go.</summary>
public sealed class AccountHousekeepingJobTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync()
    {
        _app.CreateAnonymousClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<(int Sessions, int Counters)> TidyAsync() => _app.RunAsync<AccountHousekeepingJob, (int, int)>(j => j.TidyAsync());

    private DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task SessionsOlderThanTheLongestLife_AreEnded_AndYoungerOnesKept()
    {
        var personId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.StaffCoventry).Select(u => u.Id).SingleAsync());
        var old = new UserSession(personId, Now.AddDays(-8));
        var young = new UserSession(personId, Now.AddDays(-6));
        await _app.WithDbAsync(async db =>
        {
            db.UserSessions.AddRange(old, young);
            await db.SaveChangesAsync();
        });

        Assert.Equal((1, 0), await TidyAsync());
        Assert.Equal((0, 0), await TidyAsync());

        var left = await _app.WithDbAsync(db => db.UserSessions.Select(s => s.Id).ToListAsync());
        Assert.Contains(young.Id, left);
        Assert.DoesNotContain(old.Id, left);
    }

    [Fact]
    public async Task FailureCounters_GoOnceIdleForADay_ButNotWhileTheyLock()
    {
        var idle = new LockoutCounter("idle");
        idle.RecordFailure(Now.AddDays(-2), maxAttempts: 6, TimeSpan.FromMinutes(15));
        var recent = new LockoutCounter("recent");
        recent.RecordFailure(Now.AddHours(-2), maxAttempts: 6, TimeSpan.FromMinutes(15));
        var locking = new LockoutCounter("locking");
        locking.RecordFailure(Now.AddDays(-2), maxAttempts: 1, TimeSpan.FromDays(3));
        await _app.WithDbAsync(async db =>
        {
            db.LockoutCounters.AddRange(idle, recent, locking);
            await db.SaveChangesAsync();
        });

        Assert.Equal((0, 1), await TidyAsync());

        var left = await _app.WithDbAsync(db => db.LockoutCounters.Select(c => c.Key).OrderBy(k => k).ToListAsync());
        Assert.Equal(["locking", "recent"], left);
    }
}
