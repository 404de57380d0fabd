using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace LspCapacity.Web.Infrastructure;

public static class Policies
{
    public const string Admin = "Admin";

    /// <summary>Coordinators run a region; admins may do anything a coordinator may.</summary>
    public const string Coordinator = "Coordinator";

    /// <summary>
    /// Pages that work within the person's own region (its activities, surveys, dashboard…) need a home region:
    /// a person without one is refused here, once, and the page reads <see cref="CurrentUser.RequiredRegionId"/>.
    /// </summary>
    public const string InARegion = "InARegion";

    /// <summary>The region's needs overview (coverage): its coordinators and its independent brokers, read only for brokers.</summary>
    public const string RegionNeeds = "RegionNeeds";

    /// <summary>Brokerage requests: the partnerships' staff, the region's brokers and coordinators (which records: BrokerageRequestAuthorization).</summary>
    public const string Brokerage = "Brokerage";

    public static void Configure(AuthorizationOptions options)
    {
        // Every page needs sign-in unless it is deliberately public ([AllowAnonymous]).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Coordinator, p => p.RequireRole(Roles.Admin, Roles.Coordinator));
        options.AddPolicy(RegionNeeds, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Broker));
        options.AddPolicy(Brokerage, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Broker, Roles.LspStaff));
        options.AddPolicy(InARegion, p => p.RequireAuthenticatedUser().RequireClaim(AppClaims.RegionId));
    }
}
