using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Providers;

/// <summary>The register, an organisation's page and an offer's page run the same number of SQL commands for a few organisations as for many.</summary>
public class ProviderQueryCountTests
{
    [Fact]
    public async Task ProviderPages_RunTheSameQueries_ForFewAndManyOrganisationsAndOffers()
    {
        await using var app = new AppFactory();
        var organisation = await app.OrganisationIdAsync(Providers.Council);
        var offer = await app.OfferIdAsync(Providers.Council, OfferKind.Secondee);
        var urls = new[]
        {
            "/providers", "/providers?free=true", $"/providers?theme={await app.ThemeIdAsync("laa-delivery")}&standing=partner",
            "/providers?inactive=true&kind=Council",
            $"/providers/{organisation}", $"/providers/offers/{offer}", "/placements/create",
        };
        var few = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            few[url] = await app.QueriesForAsync(Demo.Coordinator, url);
        }
        // The register: the data versions (themes and regions are held in memory), one query for the page and its total, and
        // one for its organisations' regions and live offers; beyond what the test scheme's sign-in reads on every request.
        var signIn = await app.QueriesForAsync(Demo.Coordinator, "/accessibility");
        Assert.Equal(1, few["/providers"] - signIn); // the unfiltered view's page is kept per data version: the data versions only
        Assert.Equal(3, few["/providers?free=true"] - signIn);
        var readFew = await FirstQueriesAfterAChangeAsync(app, organisation);
        Assert.Equal(3, readFew - signIn); // read afresh after a change to the register
        var homeFew = await app.QueriesForAsync(Providers.Contact, "/");

        await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var programme = await db.Programmes.Select(p => p.Id).FirstAsync();
            var themes = await db.Themes.Select(t => t.Id).Take(3).ToListAsync();
            var region = await db.Regions.Select(r => r.Id).FirstAsync();
            var council = await db.Organisations.SingleAsync(o => o.Id == organisation);
            var consultancy = await db.Organisations.SingleAsync(o => o.Name == Providers.Consultancy);
            for (var i = 0; i < 40; i++)
            {
                var added = Organisation.Create($"Provider number {i:00}", i % 2 == 0 ? OrganisationKind.Council : OrganisationKind.Consultancy,
                    null, null, [region], now);
                added.AddContact($"Contact {i}", $"contact{i}@provider.example", null, null, null, now);
                db.Organisations.Add(added);
                await db.SaveChangesAsync();
                for (var j = 0; j < 3; j++)
                {
                    db.Offers.Add(Offer.Create(added, programme, new OfferDetails((OfferKind)(j + 1), $"Offer {j}", null, j == 0 ? null : 100 * j, 5, themes, [region], null), null, now));
                }
                db.Offers.Add(Offer.Create(council, programme, new OfferDetails(OfferKind.Training, $"Council offer {i}", null, null, 5, themes, [region], null), null, now));
                db.Offers.Add(Offer.Create(consultancy, programme, new OfferDetails(OfferKind.Coaching, $"Coaching {i}", null, 400, 5, themes, [region], null), null, now));
                council.AddContact($"Council contact {i}", $"council{i}@sandwell.example", null, null, null, now);
            }
            await db.SaveChangesAsync();
        });

        foreach (var url in urls)
        {
            Assert.True(few[url] == await app.QueriesForAsync(Demo.Coordinator, url), $"{url} ran a different number of queries with 40 more organisations");
        }
        Assert.Equal(readFew, await FirstQueriesAfterAChangeAsync(app, organisation));
        Assert.Equal(homeFew, await app.QueriesForAsync(Providers.Contact, "/"));
    }

    /// <summary>The queries of the first request for the unfiltered register after an organisation changed (its kept page read afresh).</summary>
    private static async Task<int> FirstQueriesAfterAChangeAsync(AppFactory app, int organisationId)
    {
        var client = app.CreateClientAs(Demo.Coordinator);
        await client.GetDocumentAsync("/providers"); // warm up: the names are kept under other versions
        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
            db.Entry(organisation).Property(o => o.Name).CurrentValue = organisation.Name + " ";
            await db.SaveChangesAsync();
        });
        app.Queries.Reset();
        await client.GetDocumentAsync("/providers");
        return app.Queries.Count;
    }

    [Fact]
    public async Task Register_WithNoFilter_PagesByName_HidesTheInactive_AndAPagePastTheLastShowsTheLast()
    {
        await using var app = new AppFactory();
        await app.WithDbAsync(async db =>
        {
            var region = await db.Regions.Select(r => r.Id).FirstAsync();
            for (var i = 0; i < 30; i++)
            {
                var added = Organisation.Create($"Paged provider {i:00}", OrganisationKind.Consultancy, null, null, [region], DateTime.UtcNow);
                if (i == 3)
                {
                    added.Deactivate(DateTime.UtcNow);
                }
                db.Organisations.Add(added);
            }
            await db.SaveChangesAsync();
        });
        // In the database's own order of names (its collation).
        var byName = await app.WithDbAsync(db => db.Organisations.Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync());
        Assert.True(byName.Count > 25);
        var client = app.CreateClientAs(Demo.Coordinator);
        static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("#providers tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(byName.Take(25), Names(await client.GetDocumentAsync("/providers")));
        var second = Names(await client.GetDocumentAsync("/providers?page=2"));
        Assert.Equal(byName.Skip(25), second);
        Assert.DoesNotContain("Paged provider 03", second);
        Assert.Equal(second, Names(await client.GetDocumentAsync("/providers?page=99")));
    }
}
