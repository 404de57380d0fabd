using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Data;

public class QueryPlannerTests
{
    /// <summary>
    /// Without statistics SQLite chose the index that saves a sort over the one that finds the row (the
    /// activity page scanned every published case study on the national data set). The plan itself is
    /// checked by the benchmark: on a test-sized database a scan is the right plan.
    /// </summary>
    [Fact]
    public async Task OnSqlite_StartUp_GivesThePlannerTableStatistics()
    {
        await using var app = AppFactory.OnSqlite();
        app.CreateAnonymousClient();

        var analysed = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT DISTINCT tbl AS Value FROM sqlite_stat1").ToListAsync());
        Assert.Contains("CaseStudies", analysed);
        Assert.Contains("Bookings", analysed);
        Assert.Contains("Activities", analysed);
    }
}
