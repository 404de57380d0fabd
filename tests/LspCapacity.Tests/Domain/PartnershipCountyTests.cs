using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;

namespace LspCapacity.Tests.Domain;

public class PartnershipCountyTests
{
    [Fact]
    public void New_DistrictWithCounty_BelongsToIt()
    {
        var district = new Partnership(1, "Nuneaton and Bedworth", AreaType.District, receivesNrf: true, countyId: 7);

        Assert.Equal(7, district.CountyId);
        Assert.Equal(AreaType.District, district.AreaType);
    }

    [Theory]
    [InlineData(AreaType.Metropolitan)]
    [InlineData(AreaType.Unitary)]
    [InlineData(AreaType.County)]
    public void New_NonDistrictWithCounty_Refuses(AreaType areaType)
    {
        var refusal = Assert.Throws<DomainException>(() => new Partnership(1, "Birmingham", areaType, true, countyId: 7));

        Assert.Contains("Only a district", refusal.Message);
    }

    [Fact]
    public void Update_DistrictToUnitaryKeepingCounty_RefusesAndKeepsDistrict()
    {
        var district = new Partnership(1, "Nuneaton and Bedworth", AreaType.District, true, countyId: 7);

        Assert.Throws<DomainException>(() => district.Update("Nuneaton and Bedworth", AreaType.Unitary, true, 7));

        Assert.Equal(AreaType.District, district.AreaType);
        Assert.Equal(7, district.CountyId);
    }

    [Fact]
    public void Update_DistrictToUnitaryWithoutCounty_Changes()
    {
        var district = new Partnership(1, "Nuneaton and Bedworth", AreaType.District, true, countyId: 7);

        district.Update("Nuneaton and Bedworth", AreaType.Unitary, true, null);

        Assert.Equal(AreaType.Unitary, district.AreaType);
        Assert.Null(district.CountyId);
    }
}
