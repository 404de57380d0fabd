using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;

namespace LspCapacity.Tests.Domain.Brokerage;

/// <summary>What an offer must say: a day rate of £0 or more (or none: free), at least a day, a theme and a region; a secondee's home and release terms.</summary>
public class OfferTests
{
    private static readonly DateTime Now = new(2006, 10, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly Organisation Consultancy = Organisation.Create("Shared Intelligence", OrganisationKind.Consultancy, null, null, [1], Now);
    private static readonly Organisation Council = Organisation.Create("Sandwell Council", OrganisationKind.Council, null, null, [1], Now);

    private static OfferDetails Details(OfferKind kind = OfferKind.Consultancy, decimal? dayRate = 450, int days = 10,
        int[]? themes = null, int[]? regions = null, string? releaseTerms = null) =>
        new(kind, "Board effectiveness review", "A diagnostic.", dayRate, days, themes ?? [1, 2], regions ?? [1], releaseTerms);

    [Fact]
    public void Create_AValidOffer_KeepsWhatItSays()
    {
        var offer = Offer.Create(Consultancy, 7, Details(), null, Now);

        Assert.Equal(450m, offer.DayRate);
        Assert.Equal(10, offer.DaysAvailable);
        Assert.Equal([1, 2], offer.Themes.Select(t => t.ThemeId));
        Assert.Equal([1], offer.Regions.Select(r => r.RegionId));
        Assert.Equal(7, offer.ProgrammeId);
        Assert.False(offer.IsFree);
        Assert.Null(offer.SecondeeHomeOrganisationId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Create_WithNoDayRateOrZero_IsFree(int? rate)
    {
        var offer = Offer.Create(Consultancy, 7, Details(dayRate: rate), null, Now);
        Assert.True(offer.IsFree);
        Assert.Null(offer.DayRate);
    }

    [Fact]
    public void Create_ANegativeDayRate_IsRefused() =>
        Assert.Contains("£0 or more", Assert.Throws<DomainException>(() => Offer.Create(Consultancy, 7, Details(dayRate: -1), null, Now)).Message);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Create_NoDaysAvailable_IsRefused(int days) =>
        Assert.Contains("at least 1", Assert.Throws<DomainException>(() => Offer.Create(Consultancy, 7, Details(days: days), null, Now)).Message);

    [Fact]
    public void Create_NoTheme_IsRefused() =>
        Assert.Contains("theme", Assert.Throws<DomainException>(() => Offer.Create(Consultancy, 7, Details(themes: []), null, Now)).Message);

    [Fact]
    public void Create_NoRegion_IsRefused() =>
        Assert.Contains("region", Assert.Throws<DomainException>(() => Offer.Create(Consultancy, 7, Details(regions: []), null, Now)).Message);

    [Fact]
    public void Create_ASecondeeWithoutAHomeOrganisation_IsRefused() =>
        Assert.Contains("home organisation", Assert.Throws<DomainException>(() =>
            Offer.Create(Council, 7, Details(OfferKind.Secondee, releaseTerms: "Two days a week"), null, Now)).Message);

    [Fact]
    public void Create_ASecondeeFromAnIndependentProvider_IsRefused() =>
        Assert.Contains("partner organisation", Assert.Throws<DomainException>(() =>
            Offer.Create(Council, 7, Details(OfferKind.Secondee, releaseTerms: "Two days a week"), Consultancy, Now)).Message);

    [Fact]
    public void Create_ASecondeeWithoutReleaseTerms_IsRefused() =>
        Assert.Contains("release terms", Assert.Throws<DomainException>(() =>
            Offer.Create(Council, 7, Details(OfferKind.Secondee, releaseTerms: "  "), Council, Now)).Message);

    [Fact]
    public void Create_ASecondee_NamesItsHomeAndTerms_AndOtherKindsNeither()
    {
        var secondee = Offer.Create(Consultancy, 7, Details(OfferKind.Secondee, releaseTerms: " Two days a week "), Council, Now);
        Assert.Equal(Council.Id, secondee.SecondeeHomeOrganisationId);
        Assert.Equal("Two days a week", secondee.ReleaseTerms);

        secondee.Describe(Details(OfferKind.Training, releaseTerms: "ignored"), Council, Now);
        Assert.Null(secondee.SecondeeHomeOrganisationId);
        Assert.Null(secondee.ReleaseTerms);
    }

    [Fact]
    public void Create_ForAnInactiveOrganisation_IsRefused()
    {
        var gone = Organisation.Create("Gone Ltd", OrganisationKind.Consultancy, null, null, [1], Now);
        gone.Deactivate(Now);
        Assert.Throws<DomainException>(() => Offer.Create(gone, 7, Details(), null, Now));
    }

    [Fact]
    public void Describe_ReplacesThemesAndRegions()
    {
        var offer = Offer.Create(Consultancy, 7, Details(), null, Now);
        offer.Describe(Details(themes: [2, 3], regions: [1, 4], dayRate: 500), null, Now.AddDays(1));

        Assert.Equal([2, 3], offer.Themes.Select(t => t.ThemeId).Order());
        Assert.Equal([1, 4], offer.Regions.Select(r => r.RegionId).Order());
        Assert.Equal(500m, offer.DayRate);
        Assert.Equal(Now.AddDays(1), offer.UpdatedAt);
    }

    [Fact]
    public void Withdraw_TakesItOffTheRegister_AndItCannotChangeOrBeWithdrawnAgain()
    {
        var offer = Offer.Create(Consultancy, 7, Details(), null, Now);
        offer.Withdraw(Now);

        Assert.True(offer.IsWithdrawn);
        Assert.Throws<DomainException>(() => offer.Withdraw(Now));
        Assert.Throws<DomainException>(() => offer.Describe(Details(), null, Now));
    }
}
