using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// Who may do what to a brokerage request (DESIGN §3). Read: the requesting partnership's staff, the region's
/// brokers and coordinators (admins everywhere). Change (ask, accept, ask again, withdraw, rate): the
/// partnership's staff. <see cref="BrokerageOperations.Recommend"/>: the region's brokers (and admins), never a
/// coordinator: the recommendation is the independent broker's. Manage (record delivery): the region's brokers
/// and coordinators.
/// </summary>
public sealed class BrokerageRequestAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, BrokerageRequest>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        BrokerageRequest request)
    {
        var user = context.User;
        var admin = RegionRule.IsAdmin(user);
        var inRegion = RegionRule.RegionOf(user) == request.RegionId;
        var brokerHere = user.IsInRole(Roles.Broker) && inRegion;
        var coordinatorHere = user.IsInRole(Roles.Coordinator) && inRegion;
        var staffHere = user.IsInRole(Roles.LspStaff) && inRegion && RegionRule.PartnershipOf(user) == request.PartnershipId;
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => admin || brokerHere || coordinatorHere || staffHere,
            nameof(Operations.Change) => staffHere,
            nameof(BrokerageOperations.Recommend) => admin || brokerHere,
            nameof(Operations.Manage) => admin || brokerHere || coordinatorHere,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class BrokerageOperations
{
    /// <summary>Shortlist offers and record the recommendation: the region's independent broker.</summary>
    public static readonly OperationAuthorizationRequirement Recommend = new() { Name = nameof(Recommend) };
}

/// <summary>Which requests a person sees in the list: the same rule as the handler's Read.</summary>
public static class BrokerageAccess
{
    /// <summary>
    /// The requests a person may list: none at all, or those of a region (null: every region, for admins) and of a
    /// partnership (null: every partnership of it).
    /// </summary>
    public sealed record Scope(bool None, int? RegionId, int? PartnershipId);

    public static Scope ScopeOf(CurrentUser me)
    {
        if (me.IsAdmin)
        {
            return new Scope(false, null, null);
        }
        if ((me.IsCoordinator || me.IsBroker) && me.RegionId is { } regionId)
        {
            return new Scope(false, regionId, null);
        }
        if (me.IsLspStaff && me.PartnershipId is { } partnershipId && me.RegionId is { } staffRegionId)
        {
            return new Scope(false, staffRegionId, partnershipId);
        }
        return new Scope(true, null, null);
    }
}

/// <summary>Until the fair-shares module works the position out, the shortlist says it is not known.</summary>
public static class BrokerageText
{
    public static string Status(BrokerageRequestStatus status) => status switch
    {
        BrokerageRequestStatus.Received => "Received",
        BrokerageRequestStatus.Recommended => "Recommended",
        BrokerageRequestStatus.AskedAgain => "Asked again",
        BrokerageRequestStatus.Accepted => "Accepted",
        BrokerageRequestStatus.Delivered => "Delivered",
        BrokerageRequestStatus.Rated => "Rated",
        BrokerageRequestStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Tag(BrokerageRequestStatus status) => status switch
    {
        BrokerageRequestStatus.Received or BrokerageRequestStatus.AskedAgain => "govuk-tag--yellow",
        BrokerageRequestStatus.Recommended => "govuk-tag--blue",
        BrokerageRequestStatus.Accepted => "govuk-tag--turquoise",
        BrokerageRequestStatus.Delivered or BrokerageRequestStatus.Rated => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    public static string Kind(OfferKind kind) => kind switch
    {
        OfferKind.ExpertPeer => "Expert peer",
        _ => kind.ToString(),
    };

    public static string Money(decimal? amount) => amount is { } a ? "£" + a.ToString("#,0.##", UkTime.Culture) : "";

    public static string Days(decimal? days) => days is { } d ? d.ToString("0.##", UkTime.Culture) : "";
}
