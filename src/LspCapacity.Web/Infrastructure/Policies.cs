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

    /// <summary>The fair-shares page (issue 20): the region's coordinators and brokers, and admins; each within their home region.</summary>
    public const string FairShares = "FairShares";
    /// <summary>
    /// Read the provider register (<c>/providers</c>): coordinators, admins, brokers and LSP staff (who may want
    /// to see who offers what). Mentors do not commission support, so not them; a provider contact reads only
    /// their own organisation (Pages/Providers/OrganisationAuthorization.cs).
    /// </summary>
    public const string ProviderRegister = "ProviderRegister";
    /// <summary>
    /// Pages that read a region's programme figures (the dashboard family, needs coverage, the region comparison):
    /// its coordinators and admins, and the national team, read-only, for any region they choose
    /// (<see cref="CurrentProgramme"/>).
    /// </summary>
    public const string ProgrammeReader = "ProgrammeReader";

    /// <summary>Pages comparing every region (<c>/national/regions</c>): the national team and admins.</summary>
    public const string National = "National";

    /// <summary>A home region, or the national team (who choose one): pages that read one region's figures.</summary>
    public const string InARegionOrNational = "InARegionOrNational";
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
        options.AddPolicy(FairShares, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Broker).RequireClaim(AppClaims.RegionId));
        options.AddPolicy(ProviderRegister, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Broker, Roles.LspStaff));
        options.AddPolicy(RegionNeeds, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Broker, Roles.National));
        options.AddPolicy(Brokerage, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Broker, Roles.LspStaff));
        options.AddPolicy(InARegion, p => p.RequireAuthenticatedUser().RequireClaim(AppClaims.RegionId));
        options.AddPolicy(ProgrammeReader, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.National));
        options.AddPolicy(National, p => p.RequireRole(Roles.Admin, Roles.National));
        options.AddPolicy(InARegionOrNational, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.HasClaim(x => x.Type == AppClaims.RegionId) || c.User.IsInRole(Roles.National)));
    }
}
