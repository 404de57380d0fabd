namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// The few addresses that must be written as strings: endpoints that are not Razor Pages (so no
/// <c>asp-page</c> or <c>RedirectToPage</c> can build them) and the paths the cookie and error
/// middleware are configured with. Every other link is built from a page's <c>@page</c> route.
/// </summary>
public static class Routes
{
    /// <summary>The health checks (ProductionEdges.MapAppHealthChecks): database and jobs; the process alone; ready to serve.</summary>
    public const string Health = "/health";
    public const string HealthLive = "/health/live";
    public const string HealthReady = "/health/ready";

    /// <summary>The Hangfire dashboard (MapHangfireDashboard), for admins.</summary>
    public const string Jobs = "/jobs";

    /// <summary>Pages/Account/SignIn and SignOut, for the cookie handler's LoginPath and LogoutPath.</summary>
    public const string SignIn = "/account/sign-in";
    public const string SignOut = "/account/sign-out";

    /// <summary>The account pages' common path: the trusted-device cookie is sent only to them.</summary>
    public const string AccountPages = "/account";

    /// <summary>Pages/Errors/Status, for the cookie handler, the exception handler and the status code pages.</summary>
    public const string Forbidden = "/errors/403";
    public const string ServerError = "/errors/500";
    public const string StatusCode = "/errors/{0}";
}
