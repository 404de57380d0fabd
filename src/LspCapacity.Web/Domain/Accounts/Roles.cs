namespace LspCapacity.Web.Domain.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string LspStaff = "LspStaff";
    public const string Mentor = "Mentor";

    /// <summary>An independent broker for a region (issue 20): not a coordinator.</summary>
    public const string Broker = "Broker";

    /// <summary>A contact at a support provider on the brokerage register (issue 20): keeps their organisation's offers.</summary>
    public const string ProviderContact = "ProviderContact";

    /// <summary>The national LSP team (issue 21): reads every region, changes nothing.</summary>
    public const string National = "National";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, LspStaff, Mentor, Broker, ProviderContact, National];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Admin",
        Coordinator => "Coordinator",
        LspStaff => "LSP staff",
        Mentor => "Mentor",
        ProviderContact => "Provider contact",
        National => "National team (read only)",
        Broker => "Broker",
        _ => role,
    };

    /// <summary>Roles a person holding <paramref name="inviterRole"/> may give to someone else.</summary>
    public static IReadOnlyList<string> AssignableBy(string inviterRole) => inviterRole switch
    {
        Admin => All,
        Coordinator => [LspStaff, Mentor, Broker, ProviderContact], // a broker of the coordinator's own region
        _ => [],
    };

    /// <summary>LSP staff belong to one partnership; every other role works across the region.</summary>
    public static bool RequiresPartnership(string role) => role == LspStaff;

    /// <summary>Provider contacts belong to one organisation on the provider register.</summary>
    public static bool RequiresOrganisation(string role) => role == ProviderContact;

    /// <summary>
    /// Whether the role works inside a region (and so reads the region's records). A provider contact does
    /// not: they see their own organisation and the work placed with it, never the region's needs or bookings.
    /// </summary>
    public static bool WorksInARegion(string role) => role != ProviderContact;
    /// <summary>The national team works across every region, so has none of its own.</summary>
    public static bool HasNoRegion(string role) => role == National;
}
