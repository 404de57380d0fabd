namespace LspCapacity.Web.Infrastructure;

/// <summary>The "App" section: where the app lives and keeps its files.</summary>
public class AppOptions
{
    public const string Section = "App";

    /// <summary>The public address used in links inside emails, e.g. https://lsp.example.org.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Folder for the SQLite file, the email pickup folder and Data Protection keys; relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>The email address for reporting accessibility problems, shown on /accessibility; empty: "tell your coordinator".</summary>
    public string AccessibilityContact { get; set; } = "";

    /// <summary>The email address for data protection requests and questions, shown on /privacy; empty: "ask your coordinator".</summary>
    public string PrivacyContact { get; set; } = "";

    public string ResolveDataFolder(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataFolder) ? DataFolder : Path.Combine(contentRoot, DataFolder));

    public string Link(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}

/// <summary>The "Accounts" section.</summary>
public class AccountOptions
{
    public const string Section = "Accounts";

    public int InvitationDays { get; set; } = 7;
    public int ResetTokenHours { get; set; } = 2;
    public int MaxFailedAttempts { get; set; } = 6;
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Sign-in, reset and change-password POSTs allowed per minute for one account from one client address:
    /// a colleague's typos behind the same office address do not use up anyone else's.
    /// </summary>
    public int PermitsPerMinute { get; set; } = 10;

    /// <summary>The same POSTs allowed per minute from one client address, whatever the account (stops a spray across accounts).</summary>
    public int PermitsPerAddressPerMinute { get; set; } = 100;

    /// <summary>
    /// How long a node trusts a session it has seen alive before asking the database again: the longest
    /// another node may go on accepting a cookie after its session was signed out elsewhere.
    /// </summary>
    public int SessionCheckSeconds { get; set; } = 30;

    /// <summary>
    /// The longest a session lasts from sign-in, however active it is: the nightly housekeeping ends older
    /// ones (and removes the rows of sessions whose cookies simply expired).
    /// </summary>
    public int SessionMaxDays { get; set; } = 7;
}
