using System.Net;
using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Placements;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Providers;

/// <summary>The provider register as a coordinator runs it: filters, organisations, contacts, offers, bad input, secondments.</summary>
public class ProviderRegisterTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public ProviderRegisterTests(AppFactory app) => _app = app;

    private static IReadOnlyList<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("#providers tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private async Task<IReadOnlyList<string>> RegisterAsync(string query, string who = Demo.Coordinator) =>
        Names(await _app.CreateClientAs(who).GetDocumentAsync("/providers" + query));

    [Fact]
    public async Task Register_FiltersByKindStandingThemeRegionAndFreeOffers()
    {
        var all = await RegisterAsync("");
        Assert.Contains(Providers.Police, all);
        Assert.Contains(Providers.Consultancy, all);
        Assert.Equal([Providers.Police], await RegisterAsync("?kind=Police"));

        var independent = await RegisterAsync("?standing=independent");
        Assert.Contains(Providers.Consultancy, independent);
        Assert.DoesNotContain(Providers.Council, independent);
        var partners = await RegisterAsync("?standing=partner");
        Assert.Contains(Providers.Council, partners);
        Assert.DoesNotContain(Providers.Idea, partners);

        var laa = await RegisterAsync($"?theme={await _app.ThemeIdAsync("laa-delivery")}");
        Assert.Contains(Providers.Council, laa);
        Assert.Contains(Providers.Idea, laa);
        Assert.DoesNotContain(Providers.Police, laa);

        var free = await RegisterAsync("?free=true");
        Assert.Contains(Providers.Police, free);
        Assert.Contains(Providers.Idea, free);
        Assert.DoesNotContain(Providers.Consultancy, free); // its offers all have a day rate

        // Region covered: an organisation whose offer covers the North West.
        var (northWest, _) = await _app.AddOtherRegionAsync();
        await _app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var organisation = Organisation.Create("Liverpool John Moores Partnerships Unit", OrganisationKind.University, null, null, [northWest], now);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            db.Offers.Add(Offer.Create(organisation, await db.Programmes.Select(p => p.Id).FirstAsync(),
                new OfferDetails(OfferKind.Training, "Evidence for LAAs", null, 300, 5, [await db.Themes.Select(t => t.Id).FirstAsync()], [northWest], null), null, now));
            await db.SaveChangesAsync();
        });
        var north = await RegisterAsync($"?region={northWest}");
        Assert.Contains("Liverpool John Moores Partnerships Unit", north);
        Assert.DoesNotContain(Providers.Police, north);
        Assert.Equal(["Liverpool John Moores Partnerships Unit"], await RegisterAsync($"?region={northWest}&kind=University"));
    }

    [Fact]
    public async Task Register_IsReadOnlyForLspStaff_AndClosedToMentors()
    {
        var staff = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/providers");
        Assert.NotEmpty(Names(staff));
        Assert.Null(staff.QuerySelector("a[href='/providers/new']"));
        var organisation = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/providers/{await _app.OrganisationIdAsync(Providers.Council)}");
        Assert.Null(organisation.QuerySelector("a[href$='/offers/new']"));
        Assert.Null(organisation.QuerySelector("a[href$='/edit']"));

        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Mentor).GetAsync("/providers")).StatusCode);
        var offer = await _app.OfferIdAsync(Providers.Council);
        var forged = await _app.CreateClientAs(Demo.StaffCoventry).PostWithTokenAsync("/account/change-password", $"/providers/offers/{offer}/edit?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Offers.Where(o => o.Id == offer).Select(o => o.IsWithdrawn).SingleAsync()));
    }

    [Fact]
    public async Task AddOrganisation_ThenItsContactAndOffer_AllShowOnItsPage()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var westMidlands = (await _app.RegionIdAsync("west-midlands")).ToString();
        var added = await coordinator.SubmitFormAsync("/providers/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Dudley Council for Voluntary Service",
            ["Input.Kind"] = "VoluntarySector",
            ["Input.Website"] = "https://www.dudleycvs.example",
            ["Input.RegionIds"] = westMidlands,
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = int.Parse(added.Headers.Location!.OriginalString.Split('/').Last());

        var contact = await coordinator.SubmitFormAsync($"/providers/{id}/contacts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Sue Baker", ["Input.Email"] = "sue.baker@dudleycvs.example", ["Input.Role"] = "Chief officer",
        });
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);

        var offer = await coordinator.SubmitFormAsync($"/providers/{id}/offers/new",
            await _app.OfferFormAsync("Volunteer-led community engagement", kind: "Facilitation", dayRate: ""));
        Assert.Equal(HttpStatusCode.Redirect, offer.StatusCode);

        var page = await coordinator.GetDocumentAsync($"/providers/{id}");
        Assert.Contains("Sue Baker", page.QuerySelector("#contacts")!.TextContent);
        Assert.Contains("Volunteer-led community engagement", page.QuerySelector("#offers")!.TextContent);
        Assert.Contains("Free", page.QuerySelector("#offers")!.TextContent);
        Assert.Contains("Partner organisation", page.Body!.TextContent);

        // Removing the contact.
        var removed = await coordinator.SubmitFormAsync($"/providers/{id}/contacts", new Dictionary<string, string>(), button: "Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.OrganisationContacts.AnyAsync(c => c.OrganisationId == id)));

        // Deactivated: off the register, no new offers.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitFormAsync($"/providers/{id}/edit", new Dictionary<string, string>(), button: "Make it inactive")).StatusCode);
        Assert.DoesNotContain("Dudley Council for Voluntary Service", await RegisterAsync(""));
        Assert.Contains("Dudley Council for Voluntary Service", await RegisterAsync("?inactive=true"));
        var refused = await (await coordinator.PostWithTokenAsync($"/providers/{id}", $"/providers/{id}/offers/new",
            await _app.OfferFormAsync("Another one"))).ParseAsync();
        Assert.Contains("inactive", string.Join(" ", refused.ErrorSummary()));
    }

    [Fact]
    public async Task AddOrganisation_WithANameAlreadyOnTheRegister_ShowsTheErrorAndKeepsTheInput()
    {
        var before = await _app.WithDbAsync(db => db.Organisations.CountAsync());
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/providers/new", new Dictionary<string, string>
        {
            ["Input.Name"] = Providers.Police.ToUpperInvariant(),
            ["Input.Kind"] = "Police",
            ["Input.Website"] = "not a web address",
            ["Input.RegionIds"] = (await _app.RegionIdAsync("west-midlands")).ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("An organisation with this name is already on the register", page.ErrorSummary());
        Assert.Contains("Enter the website as a full address, like https://www.example.org.uk", page.ErrorSummary());
        Assert.Equal(Providers.Police.ToUpperInvariant(), page.FieldValue("Input.Name"));
        Assert.Equal(before, await _app.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Theory]
    [InlineData("Training", "-50", "5", null, "x", "The day rate must be £0 or more (leave it empty if the offer is free)")]
    [InlineData("Training", "300", "0", null, "x", "The days available must be at least 1")]
    [InlineData("Training", "300", "-2", null, "x", "The days available must be at least 1")]
    [InlineData("Training", "lots", "5", null, "x", "'lots' is not a valid value for day rate")]
    [InlineData("Training", "300", "", null, "x", "Enter the days available in the programme year")]
    [InlineData("Secondee", "", "20", "", "Two days a week", "Select the secondee's home organisation")]
    [InlineData("Secondee", "", "20", Providers.Consultancy, "Two days a week", "Select a partner organisation from the list as the secondee's home")]
    [InlineData("Secondee", "", "20", Providers.Council, "", "Enter the release terms: how and for how long the home organisation releases the secondee")]
    public async Task AddOffer_WithBadInput_ShowsTheErrorKeepsTheInputAndAddsNothing(string kind, string rate, string days, string? home, string terms, string error)
    {
        var organisation = await _app.OrganisationIdAsync(Providers.Council);
        var form = await _app.OfferFormAsync("Secondee for LAA delivery", kind, rate, days);
        form["Input.SecondeeHomeOrganisationId"] = home is null or "" ? "" : (await _app.OrganisationIdAsync(home)).ToString();
        form["Input.ReleaseTerms"] = terms;
        var before = await _app.WithDbAsync(db => db.Offers.CountAsync());

        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/providers/{organisation}/offers/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal("Secondee for LAA delivery", page.FieldValue("Input.Title"));
        Assert.Equal(days, page.FieldValue("Input.DaysAvailable"));
        Assert.Equal(before, await _app.WithDbAsync(db => db.Offers.CountAsync()));
    }

    [Fact]
    public async Task AddOffer_WithNoThemeOrRegion_SaysSo()
    {
        var organisation = await _app.OrganisationIdAsync(Providers.Council);
        var form = await _app.OfferFormAsync("Nothing chosen");
        form.Remove("Input.ThemeIds");
        form["Input.RegionIds"] = "999999";
        var client = _app.CreateClientAs(Demo.Coordinator);
        var document = await client.GetDocumentAsync($"/providers/{organisation}/offers/new");
        foreach (var box in document.QuerySelectorAll("input[type=checkbox]").OfType<IHtmlInputElement>())
        {
            box.IsChecked = false;
        }
        var page = await (await client.SubmitAsync(document, $"/providers/{organisation}/offers/new", form)).ParseAsync();
        Assert.Contains("Select at least one theme", page.ErrorSummary());
        Assert.Contains("Select regions from the list", page.ErrorSummary());
    }

    [Fact]
    public async Task Secondment_TakesUpASecondeeOffer_ItsPageShowsTheHomeAndTerms_AndTheOfferListsIt()
    {
        var offer = await _app.OfferIdAsync(Providers.Council, OfferKind.Secondee);
        var mentor = await _app.UserIdAsync(Demo.Mentor);
        var mentee = await _app.UserIdAsync(Demo.StaffCoventry);
        var theme = await _app.ThemeIdAsync("laa-delivery");
        await _app.WithDbAsync(async db =>
        {
            var profile = await db.MentorProfiles.SingleAsync(m => m.PersonId == mentor);
            profile.Update(profile.Organisation, profile.Biography, 5, 1, [PlacementKind.Mentoring, PlacementKind.Coaching, PlacementKind.Secondment], [theme], true);
            await db.SaveChangesAsync();
        });
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Secondment",
            ["Input.MentorId"] = mentor,
            ["Input.MenteeId"] = mentee,
            ["Input.ThemeIds"] = theme.ToString(),
            ["Input.Goals"] = "Set up LAA reporting.",
            ["Input.StartsOn"] = "2026-12-14",
            ["Input.EndsOn"] = "2027-05-31",
            ["Input.HostOrganisation"] = "Coventry City Council",
            ["Input.TimeCommitment"] = "Two days a week",
            ["Input.SecondmentOfferId"] = offer.ToString(),
        };
        var coordinator = _app.CreateClientAs(Demo.Coordinator);

        // Only a secondment takes a secondee offer.
        var mentoring = await (await coordinator.SubmitFormAsync("/placements/create", new Dictionary<string, string>(form) { ["Input.Kind"] = "Mentoring" })).ParseAsync();
        Assert.Contains("Only a secondment takes up a secondee offer: choose \"None\" or the kind secondment", mentoring.ErrorSummary());
        var notASecondee = await (await coordinator.SubmitFormAsync("/placements/create",
            new Dictionary<string, string>(form) { ["Input.SecondmentOfferId"] = (await _app.OfferIdAsync(Providers.Consultancy)).ToString() })).ParseAsync();
        Assert.Contains("Select a secondee offer from the list", notASecondee.ErrorSummary());

        var created = await coordinator.SubmitFormAsync("/placements/create", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var placement = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(offer, await _app.WithDbAsync(db => db.Placements.Where(p => p.Id == placement).Select(p => p.SecondmentOfferId).SingleAsync()));

        var page = await coordinator.GetDocumentAsync($"/placements/{placement}");
        var secondee = page.QuerySelector("#secondee-offer")!.TextContent;
        Assert.Contains(Providers.Council, secondee);
        Assert.Contains("Two days a week for up to six months", secondee);

        var offerPage = await coordinator.GetDocumentAsync($"/providers/offers/{offer}");
        Assert.Contains("Coventry", offerPage.QuerySelector("#secondments")!.TextContent);
        Assert.Contains(Providers.Council, offerPage.QuerySelector("#secondee-home")!.TextContent);
    }
}
