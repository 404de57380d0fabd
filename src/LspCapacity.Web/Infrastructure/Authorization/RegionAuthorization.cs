using System.Linq.Expressions;
using System.Security.Claims;
using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Infrastructure.Authorization;

/// <summary>
/// A record that belongs to one region (an activity, a survey, a case study to moderate, an email, a
/// person): what <see cref="RegionAuthorizationHandler"/> decides on. A draft is for the region's
/// coordinators only. A record of no region (an account email) is for admins. A national record (a
/// national showcase) is readable by the signed-in people of every region, and still run by its own.
/// </summary>
public sealed record RegionRecord(int? RegionId, bool IsDraft = false, bool IsNational = false);

/// <summary>
/// The region rule, stated once: admins and the national team see every region; everyone else only their own; a
/// coordinator runs their own. The national team never runs (changes) anything: <see cref="Coordinates"/> is
/// false for them, and <see cref="NationalReadOnlyFilter"/> refuses every POST they make.
/// </summary>
public static class RegionRule
{
    public static int? RegionOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(AppClaims.RegionId), out var id) ? id : null;

    public static int? PartnershipOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(AppClaims.PartnershipId), out var id) ? id : null;

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static bool IsCoordinator(ClaimsPrincipal user) => IsAdmin(user) || user.IsInRole(Roles.Coordinator);

    /// <summary>The national LSP team: reads every region, changes nothing.</summary>
    public static bool IsNational(ClaimsPrincipal user) => user.IsInRole(Roles.National);

    /// <summary>Reads every region: admins and the national team.</summary>
    public static bool SeesEveryRegion(ClaimsPrincipal user) => IsAdmin(user) || IsNational(user);

    /// <summary>The person may see the region's records.</summary>
    public static bool CanSee(ClaimsPrincipal user, int? regionId) =>
        SeesEveryRegion(user) || RegionOf(user) is { } own && own == regionId;

    /// <summary>The person may see what is shared with every region (a national showcase): anyone with a home region, or an admin.</summary>
    public static bool CanSeeNational(ClaimsPrincipal user) => IsAdmin(user) || RegionOf(user) is not null;

    /// <summary>The person runs the region: its coordinator, or an admin.</summary>
    public static bool Coordinates(ClaimsPrincipal user, int? regionId) => IsCoordinator(user) && CanSee(user, regionId);

    /// <summary>
    /// The same rule as a list filter: the records of the regions the person may see (every region for
    /// admins). <paramref name="regionOf"/> picks a record's region, e.g. <c>m =&gt; m.RegionId</c>.
    /// </summary>
    public static IQueryable<T> Visible<T>(IQueryable<T> query, ClaimsPrincipal user, Expression<Func<T, int?>> regionOf)
    {
        if (SeesEveryRegion(user))
        {
            return query;
        }
        var own = RegionOf(user);
        var equal = Expression.Equal(regionOf.Body, Expression.Constant(own, typeof(int?)));
        return query.Where(Expression.Lambda<Func<T, bool>>(equal, regionOf.Parameters));
    }
}

/// <summary>
/// Read: the region's people (a draft: its coordinators); a published national record: everyone with a
/// home region. Change and Manage: the region's coordinators, national or not.
/// </summary>
public sealed class RegionAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, RegionRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        RegionRecord record)
    {
        var allowed = requirement.Name == Operations.Read.Name
            ? RegionRule.CanSee(context.User, record.RegionId) && (!record.IsDraft || RegionRule.IsCoordinator(context.User))
              || record.IsNational && !record.IsDraft && RegionRule.CanSeeNational(context.User)
            : RegionRule.Coordinates(context.User, record.RegionId);
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
