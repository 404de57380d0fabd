using System.Security.Claims;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Infrastructure;

/// <summary>Who is signed in, and where they work: read from the claims issued at sign-in.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string RequiredId => Id ?? throw new InvalidOperationException("No one is signed in.");
    public string DisplayName => Principal.FindFirstValue(AppClaims.DisplayName) ?? Principal.Identity?.Name ?? "";
    public int? RegionId => int.TryParse(Principal.FindFirstValue(AppClaims.RegionId), out var id) ? id : null;
    /// <summary>The home region, on pages under the <see cref="Policies.InARegion"/> policy (which refuses people without one).</summary>
    public int RequiredRegionId => RegionId ?? throw new InvalidOperationException($"The page needs the {Policies.InARegion} policy: this person has no region.");
    public int? PartnershipId => int.TryParse(Principal.FindFirstValue(AppClaims.PartnershipId), out var id) ? id : null;
    public bool IsAdmin => Principal.IsInRole(Roles.Admin);
    public bool IsCoordinator => IsAdmin || Principal.IsInRole(Roles.Coordinator);
    public bool IsLspStaff => Principal.IsInRole(Roles.LspStaff);
    public bool IsMentor => Principal.IsInRole(Roles.Mentor);
    public bool IsProviderContact => Principal.IsInRole(Roles.ProviderContact);

    /// <summary>A provider contact's organisation on the provider register.</summary>
    public int? OrganisationId => int.TryParse(Principal.FindFirstValue(AppClaims.OrganisationId), out var id) ? id : null;

    /// <summary>A practitioner member of their region's programme board (for the navigation; pages ask the board's authorisation handler).</summary>
    public bool IsBoardMember => Principal.HasClaim(AppClaims.BoardMember, "true");
    public bool IsNational => Principal.IsInRole(Roles.National);
    public bool IsBroker => Principal.IsInRole(Roles.Broker);

    public string Role => Roles.All.FirstOrDefault(Principal.IsInRole) ?? "";

    /// <summary>Admins and the national team see every region; everyone else only their own (<see cref="Authorization.RegionRule"/>).</summary>
    public bool CanSeeRegion(int regionId) => Authorization.RegionRule.CanSee(Principal, regionId);
}

public static class AppClaims
{
    public const string DisplayName = "lsp:display_name";
    public const string RegionId = "lsp:region";
    public const string PartnershipId = "lsp:partnership";

    /// <summary>Sits on the home region's programme board; refreshed with the sign-in (every minute by the security stamp check).</summary>
    public const string BoardMember = "lsp:board";

    public const string OrganisationId = "lsp:organisation";
}

/// <summary>
/// Adds the person's name, region, partnership, board membership and organisation to the sign-in cookie. A
/// provider contact gets no region claim: the row keeps the region that invited them (its coordinators list
/// them), but they read none of its records.
/// </summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.RegionId is { } region && Roles.WorksInARegion(user.Role))
        {
            identity.AddClaim(new Claim(AppClaims.RegionId, region.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (await db.BoardMembers.AnyAsync(m => m.RegionId == region && m.UserId == user.Id))
            {
                identity.AddClaim(new Claim(AppClaims.BoardMember, "true"));
            }
        }
        if (user.PartnershipId is { } partnership)
        {
            identity.AddClaim(new Claim(AppClaims.PartnershipId, partnership.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.OrganisationId is { } organisation && Roles.RequiresOrganisation(user.Role))
        {
            identity.AddClaim(new Claim(AppClaims.OrganisationId, organisation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
