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

    /// <summary>
    /// The partnership this one was merged into (two LSPs that became one): it is inactive, its history rows
    /// keep its id, and the survivor's page and figures count them as the survivor's.
    /// </summary>
    public int? MergedIntoId { get; private set; }

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

    public void Reactivate()
    {
        if (MergedIntoId is not null)
        {
            throw new DomainException($"{Name} was merged into another partnership, so it cannot be reactivated.");
        }
        IsActive = true;
    }

    /// <summary>Merges this partnership into <paramref name="survivor"/>: it is hidden from choices and its history shows under the survivor.</summary>
    public void MergeInto(Partnership survivor)
    {
        if (survivor.Id == Id)
        {
            throw new DomainException("Choose another partnership to merge into.");
        }
        if (survivor.RegionId != RegionId)
        {
            throw new DomainException("A partnership can only be merged into one of its own region.");
        }
        if (!survivor.IsActive)
        {
            throw new DomainException($"{survivor.Name} is not active: choose an active partnership to merge into.");
        }
        if (MergedIntoId is not null)
        {
            throw new DomainException($"{Name} has already been merged.");
        }
        MergedIntoId = survivor.Id;
        IsActive = false;
    }

    /// <summary>A partnership merged into this one's predecessor now belongs to the survivor (one level, so figures need no chains).</summary>
    public void MoveMergeTo(int survivorId) => MergedIntoId = MergedIntoId is null ? null : survivorId;
}
