using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages;

/// <summary>
/// The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 require: public,
/// linked from every page's footer. Keep it true as pages change.
/// </summary>
public class AccessibilityModel(IOptions<AppOptions> options) : PageModel
{
    /// <summary>Where to report a problem (App:AccessibilityContact), or null to send people to their coordinator.</summary>
    public string? Contact { get; private set; }

    public void OnGet() => Contact = string.IsNullOrWhiteSpace(options.Value.AccessibilityContact) ? null : options.Value.AccessibilityContact.Trim();
}
