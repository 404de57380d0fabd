using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace LspCapacity.Web.Infrastructure;

public static class Policies
{
    public const string Admin = "Admin";

    /// <summary>Coordinators run a region; admins may do anything a coordinator may.</summary>
    public const string Coordinator = "Coordinator";

    public static void Configure(AuthorizationOptions options)
    {
        // Every page needs sign-in unless it is deliberately public ([AllowAnonymous]).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Coordinator, p => p.RequireRole(Roles.Admin, Roles.Coordinator));
    }
}
