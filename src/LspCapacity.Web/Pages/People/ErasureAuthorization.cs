using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.People;

/// <summary>A person as the erase page sees them: whose region, which role.</summary>
public sealed record PersonToErase(string Id, int? RegionId, string Role)
{
    public static PersonToErase Of(AppUser person) => new(person.Id, person.RegionId, person.Role);
}

/// <summary>
/// Who may erase a person (<see cref="Operations.Manage"/>): an admin anyone; a coordinator the people of their own
/// region whose role they could give (LSP staff and mentors), as for the rest of managing a person.
/// (That no one erases themselves is said on the page, not refused as a forbidden record.)
/// </summary>
public sealed class ErasureAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PersonToErase>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PersonToErase person)
    {
        var user = context.User;
        var allowed = requirement.Name == Operations.Manage.Name
            && (RegionRule.IsAdmin(user)
                || user.IsInRole(Roles.Coordinator) && RegionRule.Coordinates(user, person.RegionId) && Roles.AssignableBy(Roles.Coordinator).Contains(person.Role));
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
