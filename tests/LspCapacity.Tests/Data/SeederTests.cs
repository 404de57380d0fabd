using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Data;

public class SeederTests
{
    [Fact]
    public async Task FirstRun_LoadsTheWestMidlandsProgramme()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();

        await app.WithDbAsync(async db =>
        {
            var region = await db.Regions.SingleAsync(r => r.Code == "west-midlands");
            Assert.Equal("West Midlands", region.Name);
            var programme = await db.Programmes.Include(p => p.Objectives).SingleAsync(p => p.ClosedAt == null); // the demo data adds last year's, closed
            Assert.Equal(new DateOnly(2006, 9, 1), programme.StartsOn);
            Assert.Equal(new DateOnly(2007, 7, 31), programme.EndsOn);
            Assert.Equal(6, programme.Objectives.Count);

            var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == region.Id).ToListAsync();
            Assert.Equal(38, partnerships.Count);
            Assert.Equal(7, partnerships.Count(p => p.AreaType == AreaType.Metropolitan));
            Assert.Equal(["Herefordshire", "Stoke-on-Trent", "Telford and Wrekin"],
                partnerships.Where(p => p.AreaType == AreaType.Unitary).Select(p => p.Name).Order());
            Assert.Equal(["Birmingham", "Coventry", "Dudley", "Sandwell", "Stoke-on-Trent", "Walsall", "Wolverhampton"],
                partnerships.Where(p => p.ReceivesNrf).Select(p => p.Name).Order());
            var worcestershire = partnerships.Single(p => p.Name == "Worcestershire");
            Assert.Equal(6, partnerships.Count(p => p.CountyId == worcestershire.Id));
            Assert.All(partnerships.Where(p => p.AreaType == AreaType.District), p => Assert.NotNull(p.CountyId));

            Assert.Equal(8, await db.Themes.CountAsync());
            // seed/demo/people.json: DESIGN §9's five, two Wolverhampton staff, the provider contact and the broker in the West Midlands
            Assert.Equal(9, await db.Users.CountAsync(u => u.RegionId == region.Id));
            // The demo North West (Knowsley, a coordinator and a staff member) books the national showcase.
            Assert.Equal(2, await db.Users.CountAsync(u => u.RegionId != null && u.RegionId != region.Id));
            Assert.Equal(1, await db.Users.CountAsync(u => u.RegionId == null)); // the national team's demo sign-in
            Assert.Equal(1, await db.Activities.CountAsync(a => a.IsNational));
            Assert.Equal(12, await db.Organisations.CountAsync()); // the register's eight, and four more the brokered-work demo data names
            Assert.Contains(await db.Offers.ToListAsync(), o => o.Kind == LspCapacity.Web.Domain.Brokerage.OfferKind.Secondee && o.SecondeeHomeOrganisationId is not null);
            Assert.Equal(4, await db.Activities.CountAsync(a => a.Status == LspCapacity.Web.Domain.Activities.ActivityStatus.Published));
        });
    }

    [Fact]
    public async Task SeedingTwice_ChangesNothing()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        var before = await Counts(app);

        await app.RunAsync<Seeder, bool>(async s =>
        {
            await s.SeedAsync();
            return true;
        });

        Assert.Equal(before, await Counts(app));
    }

    [Fact]
    public async Task RegionNames_CarryTheirArticleInSentences_AndAnOlderRegionGetsItOnce()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        Assert.Equal("the West Midlands", await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.NameInSentence).SingleAsync()));

        // A database seeded before regions had the sentence form: loading again fills it in, and again changes nothing.
        await app.WithDbAsync(db => db.Regions.ExecuteUpdateAsync(s => s.SetProperty(r => r.NameInSentence, (string?)null)));
        for (var run = 0; run < 2; run++)
        {
            await app.RunAsync<Seeder, bool>(async s =>
            {
                await s.SeedAsync();
                return true;
            });
            var region = await app.WithDbAsync(db => db.Regions.AsNoTracking().SingleAsync(r => r.Code == "west-midlands"));
            Assert.Equal("West Midlands", region.Name);
            Assert.Equal("the West Midlands", region.InSentence);
        }
    }

    [Fact]
    public async Task WithoutDemoData_NoPeopleAreCreated()
    {
        await using var app = new AppFactory();
        app.Settings["Seed:DemoData"] = "false";
        app.CreateAnonymousClient();

        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(38, await app.WithDbAsync(db => db.Partnerships.CountAsync()));
    }

    private static Task<string> Counts(AppFactory app) => app.WithDbAsync(async db =>
        $"{await db.Regions.CountAsync()}/{await db.Programmes.CountAsync()}/{await db.Set<ProgrammeObjective>().CountAsync()}/" +
        $"{await db.Partnerships.CountAsync()}/{await db.Themes.CountAsync()}/{await db.Users.CountAsync()}/{await db.UserRoles.CountAsync()}/{await db.Roles.CountAsync()}/{await db.Activities.CountAsync()}");
}
