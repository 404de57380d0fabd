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
/// An organisation on the brokerage register that can supply support: what it is, the regions it works
/// in, the people to contact. Its offers are <see cref="Offer"/>s. A deactivated organisation stays on
/// record (work placed with it keeps its name) but makes no new offers.
/// </summary>
public class Organisation
{
    public const int NameLength = 200;
    public const int WebsiteLength = 400;
    public const int DescriptionLength = 4000;

    private readonly List<OrganisationRegion> _regions = [];
    private readonly List<OrganisationContact> _contacts = [];

    private Organisation() { }

    public Organisation(string name, OrganisationKind kind, DateTime now)
    {
        Name = Guard.Required(name, "Name");
        Kind = CheckKind(kind);
        CreatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A new organisation for the register, with everything the form asks for.</summary>
    public static Organisation Create(string name, OrganisationKind kind, string? website, string? description, IEnumerable<int> regionIds, DateTime now)
    {
        var organisation = new Organisation(name, kind, now);
        organisation.Edit(name, kind, website, description, regionIds, now);
        return organisation;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public string? Website { get; private set; }
    public string? Description { get; private set; }
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>The regions (areas) it works in.</summary>
    public IReadOnlyList<OrganisationRegion> Regions => _regions;
    public IReadOnlyList<OrganisationContact> Contacts => _contacts;

    public bool IsPartnerOrganisation => IsPartnerKind(Kind);

    public static bool IsPartnerKind(OrganisationKind kind) => PartnerKinds.Contains(kind);

    /// <summary>The kinds that are partner organisations of LSPs (a list, so queries can use it: kinds are stored by name).</summary>
    public static readonly IReadOnlyList<OrganisationKind> PartnerKinds =
        [OrganisationKind.Council, OrganisationKind.PrimaryCareTrust, OrganisationKind.Police, OrganisationKind.FireAndRescue, OrganisationKind.VoluntarySector];

    /// <summary>Changes what the register says about it. Whether the name is free of other organisations' needs the database: the caller checks.</summary>
    public void Edit(string name, OrganisationKind kind, string? website, string? description, IEnumerable<int> regionIds, DateTime now)
    {
        var trimmed = Guard.Required(name, "The organisation's name");
        if (trimmed.Length > NameLength)
        {
            throw new DomainException($"The name must be {NameLength} characters or fewer.");
        }
        var site = Guard.Optional(website);
        if (site is not null && (site.Length > WebsiteLength
                || !Uri.TryCreate(site, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new DomainException("Enter the website as a full address, like https://www.example.org.uk");
        }
        var about = Guard.Optional(description);
        if (about is { Length: > DescriptionLength })
        {
            throw new DomainException($"The description must be {DescriptionLength} characters or fewer.");
        }
        var regions = regionIds.Distinct().ToList();
        if (regions.Count == 0)
        {
            throw new DomainException("Select at least one region the organisation works in.");
        }
        Name = trimmed;
        Kind = CheckKind(kind);
        Website = site;
        Description = about;
        _regions.RemoveAll(r => !regions.Contains(r.RegionId));
        foreach (var regionId in regions.Where(id => _regions.All(r => r.RegionId != id)))
        {
            _regions.Add(new OrganisationRegion(regionId));
        }
        UpdatedAt = now;
    }

    /// <summary>Takes it off the register: no new offers; its offers are withdrawn by the caller's unit of work.</summary>
    public void Deactivate(DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainException("The organisation is already inactive.");
        }
        IsActive = false;
        UpdatedAt = now;
    }

    public void Reactivate(DateTime now)
    {
        if (IsActive)
        {
            throw new DomainException("The organisation is already active.");
        }
        IsActive = true;
        UpdatedAt = now;
    }

    /// <summary>Adds a person to contact, optionally linked to their account (a provider contact).</summary>
    public OrganisationContact AddContact(string name, string email, string? phone, string? role, string? userId, DateTime now)
    {
        var contact = new OrganisationContact(name, email, phone, role, userId);
        if (_contacts.Any(c => string.Equals(c.Email, contact.Email, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("This organisation already has a contact with this email address.");
        }
        _contacts.Add(contact);
        UpdatedAt = now;
        return contact;
    }

    public void RemoveContact(int contactId, DateTime now)
    {
        var contact = _contacts.FirstOrDefault(c => c.Id == contactId)
            ?? throw new DomainException("That contact is no longer listed.");
        _contacts.Remove(contact);
        UpdatedAt = now;
    }

    private static OrganisationKind CheckKind(OrganisationKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new DomainException("Select what kind of organisation it is.");
}

/// <summary>A region an organisation works in.</summary>
public class OrganisationRegion
{
    private OrganisationRegion() { }

    internal OrganisationRegion(int regionId) => RegionId = regionId;

    public int OrganisationId { get; private set; }
    public int RegionId { get; private set; }
}

/// <summary>A person to contact at an organisation; a provider contact's account is linked to theirs.</summary>
public class OrganisationContact
{
    public const int NameLength = 200;
    public const int EmailLength = 256;
    public const int PhoneLength = 40;
    public const int RoleLength = 200;

    private OrganisationContact() { }

    internal OrganisationContact(string name, string email, string? phone, string? role, string? userId)
    {
        Name = Limit(Guard.Required(name, "The contact's name"), NameLength, "The name");
        Email = Limit(Guard.Required(email, "The contact's email address"), EmailLength, "The email address");
        if (!Email.Contains('@', StringComparison.Ordinal) || Email.StartsWith('@') || Email.EndsWith('@'))
        {
            throw new DomainException("Enter an email address in the correct format, like name@example.com");
        }
        Phone = Guard.Optional(phone) is { } p ? Limit(p, PhoneLength, "The phone number") : null;
        Role = Guard.Optional(role) is { } r ? Limit(r, RoleLength, "The role") : null;
        UserId = userId;
    }

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }

    /// <summary>Their role in the organisation, in words ("Head of Partnerships").</summary>
    public string? Role { get; private set; }

    /// <summary>Their account, when they are a provider contact who signs in.</summary>
    public string? UserId { get; private set; }

    private static string Limit(string value, int length, string what) =>
        value.Length <= length ? value : throw new DomainException($"{what} must be {length} characters or fewer.");
}
