using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Data;

/// <summary>
/// Every test class's app starts on a copy of one migrated and seeded database per test run
/// (<see cref="TestDatabase"/>): its start-up must find nothing to migrate and nothing to seed, and
/// each copy must be the class's own.
/// </summary>
public class TemplateDatabaseTests
{
    [Fact]
    public async Task AppsStartOnCopiesOfOneTemplate_NothingPending_NothingSeededAgain_EachCopyItsOwn()
    {
        await using var first = new AppFactory();
        await using var second = new AppFactory();
        first.CreateAnonymousClient();
        second.CreateAnonymousClient();

        Assert.True(first.StartsFromTemplate);
        Assert.True(second.StartsFromTemplate);
        Assert.Empty(await first.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        // A seed loaded at start-up would hash the demo password with a new salt: the same hash in both
        // means both found the template's demo people and made none.
        var hash = await first.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.PasswordHash).SingleAsync());
        Assert.Equal(hash, await second.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.PasswordHash).SingleAsync()));
        // No data-protection key comes from the template: each installation makes its own.
        var firstKeys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        Assert.NotEmpty(firstKeys);
        Assert.Empty(firstKeys.Intersect(await second.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync())));

        await first.WithDbAsync(db => db.Regions.ExecuteUpdateAsync(r => r.SetProperty(x => x.Name, "Changed in the first copy")));
        Assert.DoesNotContain("Changed in the first copy", await second.WithDbAsync(db => db.Regions.Select(r => r.Name).ToListAsync()));
    }

    [Fact]
    public async Task AnAppWhoseClockStartsElsewhere_IsSeededAfresh_ForItsOwnToday()
    {
        await using var app = new AppFactory();
        app.Clock.Set(TestClock.Start.AddDays(40));
        app.CreateAnonymousClient();

        Assert.False(app.StartsFromTemplate);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == Demo.Coordinator)));
    }
}
