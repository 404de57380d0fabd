using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.Needs.Surveys;

/// <summary>
/// One partnership's response to a survey, as far as who may open it goes: the survey's region and
/// whether it is still a draft, the partnership (none when the person has none) and the partnership's region.
/// </summary>
public sealed record SurveyResponseRecord(int SurveyRegionId, bool SurveyIsDraft, int? PartnershipId, int? PartnershipRegionId);

/// <summary>
/// Read: the partnership's own staff and the region's coordinators, for a partnership of the survey's
/// region, once the survey is out of draft (a draft: coordinators only). Change (answer, submit): the
/// partnership's own staff only; coordinators read. Others see region-level results only.
/// </summary>
public sealed class SurveyResponseAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, SurveyResponseRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        SurveyResponseRecord response)
    {
        var user = context.User;
        var ownStaff = response.PartnershipId is { } partnershipId && RegionRule.PartnershipOf(user) == partnershipId;
        var read = RegionRule.CanSee(user, response.SurveyRegionId)
                   && (!response.SurveyIsDraft || RegionRule.IsCoordinator(user))
                   && response.PartnershipId is not null && response.PartnershipRegionId == response.SurveyRegionId
                   && (ownStaff || RegionRule.Coordinates(user, response.SurveyRegionId));
        if (read && (requirement.Name != Operations.Change.Name || ownStaff))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
