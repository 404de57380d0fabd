using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Brokerage;

/// <summary>The fair-shares page, its CSV and the value-for-money page run as many queries for 360 partnerships as for the demo's.</summary>
public class FairShareQueryCountTests
{
    private static readonly string[] Urls = ["/brokerage/fair-shares", "/brokerage/fair-shares?handler=Csv", "/dashboard/value", "/dashboard"];

    /// <summary>
    /// The commands of a first look (the cached figures worked out, as after any change to the data) and of a second (served from
    /// the cache): neither may grow with the data.
    /// </summary>
    private static async Task<(int First, int Second)> QueriesForAsync(AppFactory app, string url)
    {
        var client = app.CreateClientAs(Demo.Coordinator);
        app.Queries.Reset();
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        var first = app.Queries.Count;
        app.Queries.Reset();
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        Assert.True(app.Queries.Count >= 1, $"{url}: the counter saw {app.Queries.Count} commands");
        return (first, app.Queries.Count);
    }

    [Fact]
    public async Task FairShares_RunTheSameQueries_ForFewAndManyPartnershipsActivitiesAndCommitments()
    {
        await using var app = new AppFactory();
        var regionId = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync());
        var seeded = await app.WithDbAsync(db => db.Partnerships.Where(p => p.RegionId == regionId).Select(p => p.Id).ToListAsync());
        await AddAsync(app, regionId, seeded.Take(2).ToList(), 2);
        var few = new Dictionary<string, (int First, int Second)>();
        foreach (var url in Urls)
        {
            few[url] = await QueriesForAsync(app, url);
        }

        var added = await app.WithDbAsync(async db =>
        {
            var partnerships = Enumerable.Range(0, 360 - seeded.Count).Select(i => new Partnership(regionId, $"Partnership {i:000}", AreaType.District, i % 3 == 0)).ToList();
            db.Partnerships.AddRange(partnerships);
            await db.SaveChangesAsync();
            return partnerships.Select(p => p.Id).ToList();
        });
        await AddAsync(app, regionId, seeded.Concat(added).ToList(), 300);

        foreach (var url in Urls)
        {
            var many = await QueriesForAsync(app, url);
            Assert.True(few[url] == many, $"{url} ran a different number of queries with 360 partnerships: {few[url]} then {many} (first look, second look)");
        }
    }

    /// <summary>Per partnership: an attended activity place, a placement session and commitments (one delivered and rated), from other organisations.</summary>
    private static Task AddAsync(AppFactory app, int regionId, List<int> partnerships, int count) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var today = LspCapacity.Web.Infrastructure.UkTime.Today(app.Clock);
            var programmeId = await db.Programmes.Where(p => p.RegionId == regionId).Select(p => p.Id).FirstAsync();
            var person = await db.Users.Where(u => u.Email == Demo.StaffCoventry).Select(u => u.Id).SingleAsync();
            var mentor = await db.Users.Where(u => u.Email == Demo.Mentor).Select(u => u.Id).SingleAsync();
            var theme = await db.Themes.Select(t => t.Id).FirstAsync();
            var organisations = Enumerable.Range(0, 5).Select(i => new Organisation($"Counted provider {count}-{i}", (OrganisationKind)(1 + i), now)).ToList();
            db.Organisations.AddRange(organisations);
            await db.SaveChangesAsync();
            var offers = organisations.Select((o, i) => new Offer(o.Id, programmeId, (OfferKind)(1 + i), $"Offer {i}", now)).ToList();
            db.Offers.AddRange(offers);
            await db.SaveChangesAsync();
            for (var i = 0; i < count; i++)
            {
                var partnership = partnerships[i % partnerships.Count];
                var start = now.AddDays(-10);
                var activity = new Activity(regionId, new ActivityDetails(ActivityKind.Seminar, $"Counted {count}-{i}", "", start, start.AddHours(3), "Hall", null, 20, null,
                    start.AddDays(-20), start, BookingMode.FirstCome, null, null, null), [theme], start.AddDays(-20));
                activity.SetCosts([(CostCategory.Venue, null, 100m + i)]);
                activity.Publish(start.AddDays(-20));
                activity.RecordAttendance(activity.Book(person, partnership, start.AddDays(-19)), Attendance.Attended, start.AddHours(1));
                activity.Complete(start.AddHours(4));
                db.Activities.Add(activity);
                var placement = new Placement(regionId, PlacementKind.Coaching, mentor, person, partnership, "Goals.", today.AddDays(-40), today.AddDays(40), [theme],
                    null, null, null);
                placement.LogSession(mentor, today.AddDays(-3), 45, SessionMode.Video, "Talked.", null, null, today, now);
                db.Placements.Add(placement);
                var offer = offers[i % offers.Count];
                var delivered = new Commitment(programmeId, regionId, partnership, offer.OrganisationId, offer.Id, 2m, 400m, now);
                delivered.Deliver(today.AddDays(-2), 1.5m, 600m, today.AddDays(-2));
                delivered.Rate(1 + i % 5, null);
                db.Commitments.AddRange(delivered, new Commitment(programmeId, regionId, partnership, offer.OrganisationId, offer.Id, 3m, 350m, now));
            }
            await db.SaveChangesAsync();
        });
}
