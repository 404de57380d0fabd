namespace LspCapacity.Web.Domain.Brokerage;

/// <summary>
/// What an organisation is. The first five are partner organisations of LSPs (they release secondees
/// and expert peers); the rest are independent providers.
/// </summary>
public enum OrganisationKind
{
    Council = 1,
    PrimaryCareTrust = 2,
    Police = 3,
    FireAndRescue = 4,
    VoluntarySector = 5,
    Consultancy = 6,
    University = 7,
    NationalImprovementBody = 8,
    Other = 9,
}

/// <summary>
/// An organisation on the brokerage register that can supply support. (Shared skeleton: the register
/// work adds contacts and behaviour.)
/// </summary>
public class Organisation
{
    private Organisation() { }

    public Organisation(string name, OrganisationKind kind, DateTime now)
    {
        Name = Guard.Required(name, "Name");
        Kind = kind;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public string? Website { get; private set; }
    public string? Description { get; private set; }
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedAt { get; private set; }

    public bool IsPartnerOrganisation => Kind <= OrganisationKind.VoluntarySector;
}
