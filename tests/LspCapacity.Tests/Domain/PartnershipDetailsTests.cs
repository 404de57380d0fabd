using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Programme;

namespace LspCapacity.Tests.Domain;

public class PartnershipDetailsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void New_WithUndefinedAreaType_Refuses(int areaType)
    {
        var refusal = Assert.Throws<DomainException>(() => new Partnership(1, "Birmingham", (AreaType)areaType, true));

        Assert.Contains("type of area", refusal.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void New_WithoutName_Refuses(string? name)
    {
        var refusal = Assert.Throws<DomainException>(() => new Partnership(1, name!, AreaType.Metropolitan, true));

        Assert.Contains("Name is required", refusal.Message);
    }

    [Fact]
    public void New_TrimsNameAndStartsActive()
    {
        var partnership = new Partnership(3, "  Coventry  ", AreaType.Metropolitan, receivesNrf: true);

        Assert.Equal("Coventry", partnership.Name);
        Assert.Equal(3, partnership.RegionId);
        Assert.True(partnership.ReceivesNrf);
        Assert.True(partnership.IsActive);
    }

    [Fact]
    public void Update_WithBlankName_RefusesAndKeepsTheOldName()
    {
        var partnership = new Partnership(3, "Coventry", AreaType.Metropolitan, true);

        Assert.Throws<DomainException>(() => partnership.Update(" ", AreaType.Metropolitan, true, null));

        Assert.Equal("Coventry", partnership.Name);
    }
}
