using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Data;

/// <summary>
/// The data versions behind <see cref="FiguresCache"/>: which saved changes move them, that they move
/// in the change's own transaction, and that the cache keeps a figure only while its version stands.
/// </summary>
public sealed class FiguresCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<long> VersionAsync(string scope) => app.WithDbAsync(db => FiguresCache.VersionAsync(db, scope, CancellationToken.None));

    [Fact]
    public async Task BookingAPlace_LeavesTheNeedsFigures_ButRecordingAttendanceMovesThemOnce()
    {
        var activityId = await app.PublishedActivityAsync(capacity: 5);
        var person = (await app.PeopleAsync(1, "Birmingham"))[0];
        var needs = await VersionAsync(DataScopes.Needs);
        var library = await VersionAsync(DataScopes.Library);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await app.BookAsync(person, activityId)).StatusCode);
        Assert.Equal(needs, await VersionAsync(DataScopes.Needs));

        await app.WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.Bookings).SingleAsync(a => a.Id == activityId);
            activity.RecordAttendance(activity.Bookings.Single(), Attendance.Attended, activity.StartsAt.AddHours(1));
            await db.SaveChangesAsync();
        });
        Assert.Equal(needs + 1, await VersionAsync(DataScopes.Needs));
        Assert.Equal(library, await VersionAsync(DataScopes.Library)); // attendance is not the library's business
    }

    [Fact]
    public async Task AChangeThatIsRolledBack_LeavesTheVersion()
    {
        var activityId = await app.PublishedActivityAsync(capacity: 5, title: "Rolled back");
        var before = await VersionAsync(DataScopes.Needs);
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
            db.Activities.Remove(activity);
            await db.SaveChangesAsync();
            Assert.Equal(before + 1, await FiguresCache.VersionAsync(db, DataScopes.Needs, CancellationToken.None)); // inside: moved
            await transaction.RollbackAsync();
        });
        Assert.Equal(before, await VersionAsync(DataScopes.Needs));
    }

    [Fact]
    public async Task AFigure_IsWorkedOutOncePerVersion_AndAgainAfterAChange()
    {
        var cache = app.Services.GetRequiredService<FiguresCache>();
        var worked = 0;
        Task<string> WorkOut(CancellationToken _) => Task.FromResult($"figure {++worked}");
        Task<string> ReadAsync() => app.WithDbAsync(db => cache.GetOrAddAsync(db, DataScopes.Needs, "test:" + nameof(AFigure_IsWorkedOutOncePerVersion_AndAgainAfterAChange),
            WorkOut, CancellationToken.None));

        Assert.Equal("figure 1", await ReadAsync());
        Assert.Equal("figure 1", await ReadAsync());
        Assert.Equal(1, worked);

        await app.PublishedActivityAsync(title: "A new activity"); // an activity added: the needs figures may change
        Assert.Equal("figure 2", await ReadAsync());
        Assert.Equal("figure 2", await ReadAsync());

        // Inside a transaction the context can see its own uncommitted changes: nothing is kept from there.
        await app.WithDbAsync(db => db.InTransactionAsync(async ct =>
        {
            Assert.Equal("figure 3", await cache.GetOrAddAsync(db, DataScopes.Needs, "test:" + nameof(AFigure_IsWorkedOutOncePerVersion_AndAgainAfterAChange), WorkOut, ct));
        }));
        Assert.Equal("figure 2", await ReadAsync());
        Assert.Equal(3, worked);
    }

    [Fact]
    public async Task ManyAskingAtOnce_WaitForOneWorkingItOut()
    {
        var cache = app.Services.GetRequiredService<FiguresCache>();
        var release = new TaskCompletionSource();
        var worked = 0;
        async Task<string> WorkOut(CancellationToken _)
        {
            Interlocked.Increment(ref worked);
            await release.Task;
            return "the figure";
        }
        var readers = Enumerable.Range(0, 8).Select(_ => app.WithDbAsync(db =>
            cache.GetOrAddAsync(db, DataScopes.Needs, "test:" + nameof(ManyAskingAtOnce_WaitForOneWorkingItOut), WorkOut, CancellationToken.None))).ToList();
        await Task.Delay(300); // every reader has asked by now
        release.SetResult();

        Assert.All(await Task.WhenAll(readers), figure => Assert.Equal("the figure", figure));
        Assert.Equal(1, worked);
    }
}
