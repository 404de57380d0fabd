using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Providers;

/// <summary>
/// A provider contact (not a column of the access table: tested here) keeps their own organisation's offers
/// and nothing else: another organisation's offer is refused on every path, a crafted POST included, and no
/// page of a region's is theirs.
/// </summary>
public class ProviderContactTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public ProviderContactTests(AppFactory app) => _app = app;

    private HttpClient Contact => _app.CreateClientAs(Providers.Contact);

    [Fact]
    public async Task ProviderContact_UpdatesTheirOwnOrganisationsOffer()
    {
        var offer = await _app.OfferIdAsync(Providers.Consultancy);
        var form = await _app.OfferFormAsync("Board effectiveness review (2007 prices)", kind: "Consultancy", dayRate: "700", days: "24");

        var response = await Contact.SubmitFormAsync($"/providers/offers/{offer}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _app.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal(700m, saved.DayRate);
        Assert.Equal(24, saved.DaysAvailable);
        Assert.Equal("Board effectiveness review (2007 prices)", saved.Title);
        var page = await Contact.GetDocumentAsync($"/providers/offers/{offer}");
        Assert.Contains("£700 a day", page.QuerySelector("#offer-rate")!.TextContent);
    }

    [Fact]
    public async Task ProviderContact_AddsAnOffer_AndWithdrawsIt()
    {
        var own = await _app.OrganisationIdAsync(Providers.Consultancy);
        var added = await Contact.SubmitFormAsync($"/providers/{own}/offers/new", await _app.OfferFormAsync("Scrutiny training for board members"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var offer = int.Parse(added.Headers.Location!.OriginalString.Split('/').Last());

        var withdrawn = await Contact.SubmitFormAsync($"/providers/offers/{offer}/edit", new Dictionary<string, string>(), button: "Withdraw the offer");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Offers.Where(o => o.Id == offer).Select(o => o.IsWithdrawn).SingleAsync()));
    }

    [Fact]
    public async Task AnotherOrganisationsOffer_IsRefused_OnTheFormAndToACraftedPost()
    {
        var own = await _app.OfferIdAsync(Providers.Consultancy);
        var other = await _app.OfferIdAsync(Providers.Police);
        var otherOrganisation = await _app.OrganisationIdAsync(Providers.Police);
        var before = await _app.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == other));

        Assert.Equal(HttpStatusCode.Forbidden, (await Contact.GetAsync($"/providers/offers/{other}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Contact.GetAsync($"/providers/{otherOrganisation}/offers/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Contact.GetAsync($"/providers/{otherOrganisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Contact.GetAsync($"/providers/offers/{other}")).StatusCode);

        // A valid antiforgery token from their own offer's form, sent to another organisation's.
        var form = await _app.OfferFormAsync("Hijacked", dayRate: "1", days: "1");
        var update = await Contact.PostWithTokenAsync($"/providers/offers/{own}/edit", $"/providers/offers/{other}/edit", form);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        var withdraw = await Contact.PostWithTokenAsync($"/providers/offers/{own}/edit", $"/providers/offers/{other}/edit?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        var add = await Contact.PostWithTokenAsync($"/providers/offers/{own}/edit", $"/providers/{otherOrganisation}/offers/new", form);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);

        var after = await _app.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == other));
        Assert.Equal((before.Title, before.DayRate, before.DaysAvailable, before.IsWithdrawn), (after.Title, after.DayRate, after.DaysAvailable, after.IsWithdrawn));
        Assert.False(await _app.WithDbAsync(db => db.Offers.AnyAsync(o => o.Title == "Hijacked")));
    }

    [Fact]
    public async Task ProviderContact_MayNotEditTheOrganisationOrItsContacts()
    {
        var own = await _app.OrganisationIdAsync(Providers.Consultancy);
        Assert.Equal(HttpStatusCode.Forbidden, (await Contact.GetAsync($"/providers/{own}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Contact.GetAsync($"/providers/{own}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Contact.GetAsync("/providers/new")).StatusCode);
        var page = await Contact.GetDocumentAsync($"/providers/{own}");
        Assert.NotNull(page.QuerySelector($"a[href='/providers/{own}/offers/new']"));
        Assert.Null(page.QuerySelector($"a[href='/providers/{own}/edit']"));
    }

    [Fact]
    public async Task Home_ShowsTheirOrganisationAndOffers_AndTheNavigationOnlyTheirs()
    {
        var own = await _app.OrganisationIdAsync(Providers.Consultancy);
        var home = await Contact.GetDocumentAsync("/");

        Assert.Equal(Providers.Consultancy, home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Board effectiveness review", home.QuerySelector("#my-offers")!.TextContent);
        Assert.Equal([$"/providers/{own}", "/library"], home.QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/providers")]
    [InlineData("/dashboard")]
    [InlineData("/needs/surveys")]
    [InlineData("/needs/coverage")]
    [InlineData("/people")]
    [InlineData("/outbox")]
    [InlineData("/placements/create")]
    public async Task RegionPages_AreRefused(string url) =>
        Assert.Equal(HttpStatusCode.Forbidden, (await Contact.GetAsync(url)).StatusCode);

    [Fact]
    public async Task ARegionsRecords_AreNotTheirs()
    {
        var birmingham = await _app.PartnershipIdAsync("Birmingham");
        var activity = await _app.WithDbAsync(db => db.Activities.Select(a => a.Id).FirstAsync());
        var placement = await _app.WithDbAsync(db => db.Placements.Select(p => p.Id).FirstAsync());
        foreach (var url in new[] { $"/partnerships/{birmingham}", $"/activities/{activity}", $"/placements/{placement}" })
        {
            var status = (await Contact.GetAsync(url)).StatusCode;
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url} answered {status}");
        }
        // Lists of a region show them nothing.
        foreach (var url in new[] { "/activities", "/partnerships", "/projects", "/placements", "/reviews" })
        {
            var response = await Contact.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var page = await response.ParseAsync();
                Assert.Null(page.QuerySelector("main tbody tr"));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task RegisterReaders_SeeTheSameOrganisationReadOnly_AndCoordinatorsChangeAny()
    {
        var offer = await _app.OfferIdAsync(Providers.Police, OfferKind.ExpertPeer);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/providers/offers/{offer}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/providers/offers/{offer}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Mentor).GetAsync($"/providers/offers/{offer}")).StatusCode);
        await _app.AddOtherRegionAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(TestData.OtherCoordinator).GetAsync($"/providers/offers/{offer}/edit")).StatusCode);
    }
}
