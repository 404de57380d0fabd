using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Infrastructure.Authorization;

/// <summary>One partnership (LSP) of a region: what <see cref="PartnershipAuthorizationHandler"/> decides on.</summary>
public sealed record PartnershipRecord(int PartnershipId, int RegionId);

/// <summary>
/// Read: the region's people. Change (its own view: participation, placements, reviews): its own staff
/// and the region's coordinators. Manage (edit, deactivate): the region's coordinators.
/// </summary>
public sealed class PartnershipAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PartnershipRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        PartnershipRecord partnership)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => RegionRule.CanSee(user, partnership.RegionId),
            nameof(Operations.Change) => RegionRule.Coordinates(user, partnership.RegionId)
                                         || RegionRule.CanSee(user, partnership.RegionId) && RegionRule.PartnershipOf(user) == partnership.PartnershipId,
            _ => RegionRule.Coordinates(user, partnership.RegionId),
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
