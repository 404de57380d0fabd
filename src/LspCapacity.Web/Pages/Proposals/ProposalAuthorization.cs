using System.Security.Claims;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.Proposals;

/// <summary>
/// Who may do what to a practitioner's proposal. Read (and endorse, which the domain then keeps to staff of the
/// region's other partnerships): every signed-in person of the proposal's region, admins everywhere; people of
/// another region are refused. Change (edit): the proposer while it is undecided, and the region's coordinators.
/// Manage (the board's work): the region's coordinators.
/// </summary>
public sealed class ProposalAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Proposal>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Proposal proposal)
    {
        var user = context.User;
        var coordinates = RegionRule.Coordinates(user, proposal.RegionId);
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => RegionRule.CanSee(user, proposal.RegionId),
            nameof(Operations.Change) => !proposal.IsDecided && (coordinates || RegionRule.CanSee(user, proposal.RegionId)
                && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && proposal.IsProposer(id)),
            nameof(Operations.Manage) => coordinates,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
