using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Brokerage;

/// <summary>The brokerage list and a request's page (with its shortlist) run as many SQL commands for a few requests, offers and ratings as for many.</summary>
public class BrokerageQueryCountTests
{
    private static async Task<int> QueriesForAsync(AppFactory app, string email, string url)
    {
        var client = app.CreateClientAs(email);
        await client.GetDocumentAsync(url); // warm up
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        Assert.True(app.Queries.Count > 1, $"{url}: the counter saw {app.Queries.Count} commands");
        return app.Queries.Count;
    }

    [Fact]
    public async Task BrokeragePages_RunTheSameQueries_ForFewAndManyRequestsOffersAndRatings()
    {
        await using var app = new AppFactory();
        var received = await app.WithDbAsync(db => db.BrokerageRequests.Where(r => r.Status == BrokerageRequestStatus.Received).Select(r => r.Id).FirstAsync());
        var urls = new[] { "/brokerage", "/brokerage?status=Received", $"/brokerage/{received}", $"/brokerage/{received}/recommend", "/brokerage/interests" };
        var few = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            few[url] = await QueriesForAsync(app, BrokerageData.Broker, url);
        }
        var staffFew = await QueriesForAsync(app, Demo.StaffBirmingham, "/brokerage");

        // 30 more organisations with an offer each, 40 more requests, 30 more rated commitments.
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var today = UkTime.Today(app.Clock);
            var staff = await db.Users.SingleAsync(u => u.Email == Demo.StaffBirmingham);
            var programme = await db.Programmes.Where(p => p.RegionId == staff.RegionId).OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today)
                .ThenByDescending(p => p.StartsOn).FirstAsync();
            var themes = await db.Themes.Select(t => t.Id).ToListAsync();
            for (var i = 0; i < 30; i++)
            {
                var organisation = new Organisation($"Provider {i}", OrganisationKind.Consultancy, now);
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync();
                var offer = Offer.Create(organisation, programme.Id,
                    new OfferDetails(OfferKind.Training, $"Course {i}", null, 300 + i, 20, themes.Take(1 + i % 3).ToList(), [staff.RegionId!.Value], null), null, now);
                db.Offers.Add(offer);
                await db.SaveChangesAsync();
                var commitment = new Commitment(programme.Id, staff.RegionId!.Value, staff.PartnershipId!.Value, organisation.Id, offer.Id, 1, 300, now);
                commitment.Deliver(today, 1, 300, today);
                commitment.Rate(1 + i % 5, null);
                db.Commitments.Add(commitment);
            }
            for (var i = 0; i < 40; i++)
            {
                db.BrokerageRequests.Add(new BrokerageRequest(staff.RegionId!.Value, staff.PartnershipId!.Value, staff.Id, themes[i % themes.Count], null,
                    $"Request {i}", today.AddDays(20), 2000, today, now.AddMinutes(i)));
            }
            await db.SaveChangesAsync();
        });

        foreach (var url in urls)
        {
            Assert.True(few[url] == await QueriesForAsync(app, BrokerageData.Broker, url), $"{url} ran a different number of queries with more requests, offers and ratings");
        }
        Assert.Equal(staffFew, await QueriesForAsync(app, Demo.StaffBirmingham, "/brokerage"));
    }
}
