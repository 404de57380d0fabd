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

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, LspStaff, Mentor, Broker];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Admin",
        Coordinator => "Coordinator",
        LspStaff => "LSP staff",
        Mentor => "Mentor",
        Broker => "Broker",
        _ => role,
    };

    /// <summary>Roles a person holding <paramref name="inviterRole"/> may give to someone else.</summary>
    public static IReadOnlyList<string> AssignableBy(string inviterRole) => inviterRole switch
    {
        Admin => All,
        Coordinator => [LspStaff, Mentor, Broker], // a broker of the coordinator's own region
        _ => [],
    };

    /// <summary>LSP staff belong to one partnership; every other role works across the region.</summary>
    public static bool RequiresPartnership(string role) => role == LspStaff;
}
