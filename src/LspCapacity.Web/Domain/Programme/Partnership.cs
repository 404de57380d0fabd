namespace LspCapacity.Web.Domain.Programme;

public enum AreaType
{
    Metropolitan = 1,
    Unitary = 2,
    County = 3,
    District = 4,
}

/// <summary>A Local Strategic Partnership: the board of partners for one local authority area.</summary>
public class Partnership
{
    private Partnership() { }

    public Partnership(int regionId, string name, AreaType areaType, bool receivesNrf, int? countyId = null)
    {
        RegionId = regionId;
        Update(name, areaType, receivesNrf, countyId);
        IsActive = true;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public Region? Region { get; private set; }
    public string Name { get; private set; } = "";
    public AreaType AreaType { get; private set; }

    /// <summary>Receives Neighbourhood Renewal Fund: one of the most deprived areas.</summary>
    public bool ReceivesNrf { get; private set; }

    /// <summary>For a district LSP, the county LSP of its two-tier area.</summary>
    public int? CountyId { get; private set; }
    public Partnership? County { get; private set; }
    public bool IsActive { get; private set; }

    public void Update(string name, AreaType areaType, bool receivesNrf, int? countyId)
    {
        if (!Enum.IsDefined(areaType))
        {
            throw new DomainException("Choose the type of area.");
        }
        if (countyId is not null && areaType != AreaType.District)
        {
            throw new DomainException("Only a district partnership belongs to a county.");
        }
        if (countyId is not null && countyId == Id && Id != 0)
        {
            throw new DomainException("A partnership cannot be its own county.");
        }
        Name = Guard.Required(name, "Name");
        AreaType = areaType;
        ReceivesNrf = receivesNrf;
        CountyId = countyId;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
