using System.Linq.Expressions;
using System.Security.Claims;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.Placements;

/// <summary>A placement's pair and region: what <see cref="PlacementAuthorizationHandler"/> decides on.</summary>
public sealed record PlacementPair(int RegionId, string MentorId, string MenteeId)
{
    public static PlacementPair Of(Placement placement) => new(placement.RegionId, placement.MentorId, placement.MenteeId);
}

/// <summary>A support request's requester and region: what <see cref="SupportRequestAuthorizationHandler"/> decides on.</summary>
public sealed record SupportRequestRecord(int RegionId, string RequesterId);

/// <summary>The membership rule of placements and requests, stated once, in memory and as a list filter.</summary>
public static class PlacementRule
{
    public static bool IsMember(ClaimsPrincipal user, PlacementPair pair) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && (id == pair.MentorId || id == pair.MenteeId);

    /// <summary>The placements a person is one of the pair of (the list of someone who does not run the region).</summary>
    public static Expression<Func<Placement, bool>> HasMember(string personId) => p => p.MentorId == personId || p.MenteeId == personId;

    /// <summary>The requests a person made (the list of someone who does not run the region).</summary>
    public static Expression<Func<SupportRequest, bool>> RequestedBy(string personId) => r => r.RequesterId == personId;
}

/// <summary>
/// Change (log sessions, record outcomes): the pair only, never coordinators. Read and Manage (see it,
/// end or complete it): the pair and the region's coordinators.
/// </summary>
public sealed class PlacementAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PlacementPair>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        PlacementPair pair)
    {
        var member = PlacementRule.IsMember(context.User, pair);
        if (member || requirement.Name != Operations.Change.Name && RegionRule.Coordinates(context.User, pair.RegionId))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Read (and withdraw): the requester and the region's coordinators. Manage (confirm a match): the region's coordinators.</summary>
public sealed class SupportRequestAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, SupportRequestRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        SupportRequestRecord request)
    {
        var coordinator = RegionRule.Coordinates(context.User, request.RegionId);
        var requester = context.User.FindFirstValue(ClaimTypes.NameIdentifier) == request.RequesterId;
        if (coordinator || requirement.Name != Operations.Manage.Name && requester)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
