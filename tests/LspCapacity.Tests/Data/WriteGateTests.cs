using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Data;

/// <summary>SQLite's writers queue at the app's gate, in order, instead of polling in SQLite's busy handler.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task Writers_GoThroughOneAtATime_InTheOrderTheyCame()
    {
        var gate = new WriteGate(serialise: true);
        var inside = 0;
        var most = 0;
        var order = new List<int>();
        var first = await gate.EnterAsync(CancellationToken.None); // held while the others queue up
        var writers = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            // Each writer asks at the gate in turn (the ask is queued before the next writer comes), then
            // writes on a thread of its own: the order depends on the gate, not on the thread pool.
            writers.Add(WriteAsync(i, gate.EnterAsync(CancellationToken.None)));
        }
        first.Dispose();
        await Task.WhenAll(writers);

        Assert.Equal(1, most);
        Assert.Equal(Enumerable.Range(0, 20), order);

        async Task WriteAsync(int n, ValueTask<WriteGate.Pass> entering)
        {
            using (await entering)
            {
                await Task.Yield();
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                lock (order) order.Add(n);
                await Task.Delay(2);
                Interlocked.Decrement(ref inside);
            }
        }
    }

    [Fact]
    public async Task TheOpenGate_LetsEveryoneStraightIn()
    {
        using var one = await WriteGate.Open.EnterAsync(CancellationToken.None);
        var two = WriteGate.Open.EnterAsync(CancellationToken.None);
        Assert.True(two.IsCompleted);
    }

    [Fact]
    public async Task ASave_WaitsAtTheGate_WhileAnotherWriterHoldsIt()
    {
        await using var app = AppFactory.OnSqlite();
        app.CreateAnonymousClient();
        var gate = app.Services.GetRequiredService<WriteGate>();

        Task save;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            save = app.WithDbAsync(async db =>
            {
                var theme = await db.Themes.OrderBy(t => t.Id).FirstAsync();
                db.Entry(theme).Property(t => t.Name).CurrentValue = "Renamed while another wrote";
                await db.SaveChangesAsync();
            });
            await Task.Delay(300);
            Assert.False(save.IsCompleted); // queued behind the holder, not written alongside it
        }
        await save.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await app.WithDbAsync(db => db.Themes.AnyAsync(t => t.Name == "Renamed while another wrote")));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
