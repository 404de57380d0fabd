using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;

namespace LspCapacity.Tests.Domain.Brokerage;

/// <summary>An organisation on the register: its name, kind, website and regions; its contacts; taking it off the register.</summary>
public class OrganisationTests
{
    private static readonly DateTime Now = new(2006, 10, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(OrganisationKind.Council, true)]
    [InlineData(OrganisationKind.PrimaryCareTrust, true)]
    [InlineData(OrganisationKind.Police, true)]
    [InlineData(OrganisationKind.FireAndRescue, true)]
    [InlineData(OrganisationKind.VoluntarySector, true)]
    [InlineData(OrganisationKind.Consultancy, false)]
    [InlineData(OrganisationKind.University, false)]
    [InlineData(OrganisationKind.NationalImprovementBody, false)]
    [InlineData(OrganisationKind.Other, false)]
    public void Kind_SaysWhetherItIsAPartnerOrganisation(OrganisationKind kind, bool partner) =>
        Assert.Equal(partner, Organisation.Create("Org", kind, null, null, [1], Now).IsPartnerOrganisation);

    [Fact]
    public void Create_TrimsAndKeepsWhatItSays()
    {
        var organisation = Organisation.Create("  Sandwell PCT ", OrganisationKind.PrimaryCareTrust, " https://www.sandwellpct.example ", " Health ", [1, 2, 2], Now);

        Assert.Equal("Sandwell PCT", organisation.Name);
        Assert.Equal("https://www.sandwellpct.example", organisation.Website);
        Assert.Equal("Health", organisation.Description);
        Assert.Equal([1, 2], organisation.Regions.Select(r => r.RegionId));
        Assert.True(organisation.IsActive);
    }

    [Theory]
    [InlineData("www.example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org")]
    public void Create_AWebsiteThatIsNotAWebAddress_IsRefused(string website) =>
        Assert.Throws<DomainException>(() => Organisation.Create("Org", OrganisationKind.Consultancy, website, null, [1], Now));

    [Fact]
    public void Create_NoName_NoRegion_OrAnUnknownKind_IsRefused()
    {
        Assert.Throws<DomainException>(() => Organisation.Create(" ", OrganisationKind.Consultancy, null, null, [1], Now));
        Assert.Throws<DomainException>(() => Organisation.Create("Org", OrganisationKind.Consultancy, null, null, [], Now));
        Assert.Throws<DomainException>(() => Organisation.Create("Org", (OrganisationKind)42, null, null, [1], Now));
    }

    [Fact]
    public void Edit_ReplacesTheRegions()
    {
        var organisation = Organisation.Create("Org", OrganisationKind.Consultancy, null, null, [1, 2], Now);
        organisation.Edit("Org Ltd", OrganisationKind.University, null, null, [2, 3], Now.AddDays(1));

        Assert.Equal("Org Ltd", organisation.Name);
        Assert.Equal(OrganisationKind.University, organisation.Kind);
        Assert.Equal([2, 3], organisation.Regions.Select(r => r.RegionId).Order());
    }

    [Fact]
    public void Contacts_AreAddedOnceByEmail_AndNeedAnAddress()
    {
        var organisation = Organisation.Create("Org", OrganisationKind.Consultancy, null, null, [1], Now);
        var contact = organisation.AddContact(" Tom Reeve ", "tom@org.example", " 0121 000 0000 ", "Director", null, Now);

        Assert.Equal("Tom Reeve", contact.Name);
        Assert.Equal("0121 000 0000", contact.Phone);
        Assert.Throws<DomainException>(() => organisation.AddContact("Tom again", "TOM@org.example", null, null, null, Now));
        Assert.Throws<DomainException>(() => organisation.AddContact("No address", "not-an-address", null, null, null, Now));
        Assert.Single(organisation.Contacts);
    }

    [Fact]
    public void Deactivate_ThenReactivate_EachOnlyOnce()
    {
        var organisation = Organisation.Create("Org", OrganisationKind.Consultancy, null, null, [1], Now);
        organisation.Deactivate(Now);
        Assert.False(organisation.IsActive);
        Assert.Throws<DomainException>(() => organisation.Deactivate(Now));
        organisation.Reactivate(Now);
        Assert.True(organisation.IsActive);
        Assert.Throws<DomainException>(() => organisation.Reactivate(Now));
    }
}
