using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Jobs;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages;

/// <summary>
/// The privacy notice (UK GDPR articles 13 and 14): public, linked from every page's footer and the
/// invitation email. The retention periods it states are read from the configured options, so it says
/// what the retention job (<see cref="RetentionJob"/>) really does.
/// </summary>
public class PrivacyModel(IOptions<RetentionOptions> retention, IOptions<AccountOptions> accounts, IOptions<AppOptions> app) : PageModel
{
    public RetentionOptions Retention { get; private set; } = new();
    public AccountOptions Accounts { get; private set; } = new();

    /// <summary>Where to send requests (App:PrivacyContact), or null to send people to their coordinator.</summary>
    public string? Contact { get; private set; }

    public void OnGet()
    {
        Retention = retention.Value;
        Accounts = accounts.Value;
        Contact = string.IsNullOrWhiteSpace(app.Value.PrivacyContact) ? null : app.Value.PrivacyContact.Trim();
    }

    public static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
