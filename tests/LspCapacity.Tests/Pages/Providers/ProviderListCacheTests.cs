using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Providers;

/// <summary>
/// The unfiltered register's pages are kept per data version and rendered once for each: a change made on another app instance
/// (an offer added, an organisation closed) shows at once, and someone who may not see the inactive never gets the links of
/// someone who may.
/// </summary>
public class ProviderListCacheTests
{
    private static string Offers(IHtmlDocument page, string organisation) =>
        page.QuerySelectorAll("#providers tbody tr").Single(r => r.QuerySelector("td a")!.TextContent.Trim() == organisation)
            .QuerySelectorAll("td")[3].TextContent.Trim();

    [Fact]
    public async Task TheKeptRegister_ShowsAChangeMadeOnAnotherInstanceAtOnce()
    {
        await using var app = new AppFactory();
        var coordinator = app.CreateClientAs(Demo.Coordinator);
        var before = Offers(await coordinator.GetDocumentAsync("/providers"), Providers.Council);
        Assert.Equal(before, Offers(await coordinator.GetDocumentAsync("/providers"), Providers.Council)); // kept

        await using var second = AppFactory.SecondInstanceOf(app);
        await second.WithDbAsync(async db =>
        {
            var council = await db.Organisations.SingleAsync(o => o.Name == Providers.Council);
            var programme = await db.Programmes.Select(p => p.Id).FirstAsync();
            var themes = await db.Themes.Select(t => t.Id).Take(1).ToListAsync();
            var region = await db.Regions.Select(r => r.Id).FirstAsync();
            db.Offers.Add(Offer.Create(council, programme, new OfferDetails(OfferKind.Coaching, "Added on the second instance", null, 300, 5, themes,
                [region], null), null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var after = Offers(await coordinator.GetDocumentAsync("/providers"), Providers.Council);
        Assert.NotEqual(before, after);
        Assert.Equal(int.Parse(before.Split(':')[0]) + 1, int.Parse(after.Split(':')[0]));

        await second.WithDbAsync(async db =>
        {
            var council = await db.Organisations.SingleAsync(o => o.Name == Providers.Council);
            council.Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var page = await coordinator.GetDocumentAsync("/providers");
        Assert.DoesNotContain(page.QuerySelectorAll("#providers tbody tr td a"), a => a.TextContent.Trim() == Providers.Council);
    }

    [Fact]
    public async Task APagerRenderedForSomeoneAskingForTheInactive_WithoutRunningTheRegister_LinksToTheActiveList()
    {
        await using var app = new AppFactory();
        await app.WithDbAsync(async db =>
        {
            var region = await db.Regions.Select(r => r.Id).FirstAsync();
            for (var i = 0; i < 30; i++)
            {
                db.Organisations.Add(Organisation.Create($"Paged provider {i:00}", OrganisationKind.Consultancy, null, null, [region], DateTime.UtcNow));
            }
            await db.SaveChangesAsync();
        });
        // Staff may not see the inactive: their ?inactive=true is the unfiltered view, and its kept page links to it as such.
        var staff = await app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/providers?inactive=true");
        Assert.Equal("/providers?page=2", staff.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href"));
        var coordinator = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/providers");
        Assert.Equal("/providers?page=2", coordinator.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href"));
    }
}
