using System.Security.Claims;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>
/// The provider register's rule, stated once for organisations and their offers. The register is national:
/// an organisation works for any region, so no region rule applies.
/// Read: the register's readers (<see cref="Policies.ProviderRegister"/>: coordinators, admins, brokers,
/// LSP staff) and the organisation's own provider contacts.
/// Change (add, update, withdraw its offers): coordinators and admins, and its own provider contacts.
/// Manage (its details, contacts, deactivation): coordinators and admins.
/// </summary>
public static class ProviderRule
{
    public static bool ReadsRegister(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Broker) || user.IsInRole(Roles.LspStaff);

    public static bool RunsRegister(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);

    /// <summary>The person is a provider contact of this organisation.</summary>
    public static bool IsContactOf(ClaimsPrincipal user, int organisationId) =>
        user.IsInRole(Roles.ProviderContact)
        && int.TryParse(user.FindFirstValue(AppClaims.OrganisationId), out var own) && own == organisationId;

    public static bool Allows(ClaimsPrincipal user, OperationAuthorizationRequirement requirement, int organisationId) => requirement.Name switch
    {
        nameof(Operations.Read) => ReadsRegister(user) || IsContactOf(user, organisationId),
        nameof(Operations.Change) => RunsRegister(user) || IsContactOf(user, organisationId),
        nameof(Operations.Manage) => RunsRegister(user),
        _ => false,
    };
}

/// <summary>Who may read an organisation, keep its offers, manage its details: <see cref="ProviderRule"/>.</summary>
public sealed class OrganisationAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Organisation>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Organisation organisation)
    {
        if (ProviderRule.Allows(context.User, requirement, organisation.Id))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Who may read an offer, and change or withdraw it: its organisation's rule (<see cref="ProviderRule"/>).</summary>
public sealed class OfferAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Offer>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Offer offer)
    {
        if (ProviderRule.Allows(context.User, requirement, offer.OrganisationId))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
