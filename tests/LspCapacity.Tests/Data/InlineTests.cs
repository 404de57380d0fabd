using System.Linq.Expressions;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Data;

public class InlineTests
{
    private static readonly Expression<Func<AppDbContext, int, IQueryable<Activity>>> ActivitiesOf = (db, regionId) =>
        db.Activities.Where(a => a.RegionId == regionId);

    private static readonly Expression<Func<AppDbContext, int, IQueryable<Activity>>> PublishedOf = (db, regionId) =>
        ActivitiesOf.Apply(db, regionId).Where(a => a.Status == ActivityStatus.Published);

    [Fact]
    public async Task Bind_MakesTheArgumentsParametersOfTheSql_NotConstantsInIt()
    {
        await using var app = AppFactory.OnSqlite();
        app.CreateAnonymousClient();

        var (one, two, sql) = await app.WithDbAsync(async db => (
            await Inline.Bind(ActivitiesOf, db, 1).CountAsync(),
            await Inline.Bind(ActivitiesOf, db, 2).CountAsync(),
            Inline.Bind(ActivitiesOf, db, 987654).ToQueryString()));

        Assert.DoesNotContain("987654", sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        Assert.Matches(@"""RegionId"" = @\w+", sql);
        var expected = await app.WithDbAsync(async db => (await db.Activities.CountAsync(a => a.RegionId == 1), await db.Activities.CountAsync(a => a.RegionId == 2)));
        Assert.Equal(expected, (one, two));
        Assert.NotEqual(0, one);
    }

    [Fact]
    public async Task Expand_PutsEachRuleInItsPlace_RulesWithinRulesToo_ForACompiledQuery()
    {
        await using var app = AppFactory.OnSqlite();
        app.CreateAnonymousClient();
        var compiled = EF.CompileAsyncQuery(Inline.Expand<Func<AppDbContext, int, int>>((db, regionId) => PublishedOf.Apply(db, regionId).Count()));

        var (found, expected) = await app.WithDbAsync(async db =>
            (await compiled(db, 1), await db.Activities.CountAsync(a => a.RegionId == 1 && a.Status == ActivityStatus.Published)));

        Assert.Equal(expected, found);
        Assert.NotEqual(0, found);
    }

    [Fact]
    public void Apply_OutsideExpand_SaysSo()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ActivitiesOf.Apply(null!, 1));
        Assert.Contains("Inline.Expand", e.Message);
    }
}
