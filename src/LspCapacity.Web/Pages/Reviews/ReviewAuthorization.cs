using System.Linq.Expressions;
using System.Security.Claims;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>
/// What a person is to a review (<see cref="ReviewActor"/>: the region's coordinator, its lead, a peer,
/// the host's staff), worked out in one place from the sign-in claims, for a loaded review or its header.
/// </summary>
public static class ReviewRule
{
    public static ReviewActor ActorOf(ClaimsPrincipal user, PeerReview review) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } personId
            ? review.ActorFor(personId, RegionRule.PartnershipOf(user), RegionRule.Coordinates(user, review.RegionId))
            : ReviewActor.None;

    public static ReviewActor ActorOf(ClaimsPrincipal user, ReviewAccess.Header review) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } personId
            ? PeerReview.ActorFor(personId, RegionRule.PartnershipOf(user), RegionRule.Coordinates(user, review.RegionId), review.HostPartnershipId,
                review.Team.Select(m => (m.PersonId, m.Role)))
            : ReviewActor.None;

    /// <summary>The reviews a person hosts or is on the team of (the list of someone who does not run the region).</summary>
    public static Expression<Func<PeerReview, bool>> HasParty(string personId, int? partnershipId) =>
        r => r.HostPartnershipId == partnershipId || r.Team.Any(m => m.PersonId == personId);
}

/// <summary>
/// Read: the working papers are for the team, the host partnership's staff and the region's coordinators,
/// and nobody else. What each of them may change is the review's own rule (<see cref="PeerReview"/>, by actor).
/// </summary>
public sealed class ReviewAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement)
    {
        var actor = context.Resource switch
        {
            PeerReview review => ReviewRule.ActorOf(context.User, review),
            ReviewAccess.Header header => ReviewRule.ActorOf(context.User, header),
            _ => (ReviewActor?)null,
        };
        if (actor is { } found && found != ReviewActor.None && requirement.Name == Operations.Read.Name)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
