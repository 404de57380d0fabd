using System.Security.Claims;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.Library;

/// <summary>A case study's region, author and whether it is published: what <see cref="CaseStudyAuthorizationHandler"/> decides on.</summary>
public sealed record CaseStudyRecord(int RegionId, string AuthorId, CaseStudyStatus Status)
{
    public static CaseStudyRecord Of(CaseStudy item) => new(item.RegionId, item.AuthorId, item.Status);
}

/// <summary>
/// Read: a published case study is everyone's; unpublished work is its author's and the region's
/// coordinators' (for anyone else it does not exist). Change (write it): its author only. Manage
/// (publish, return, withdraw): the region's coordinators.
/// </summary>
public sealed class CaseStudyAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CaseStudyRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        CaseStudyRecord item)
    {
        var author = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && id == item.AuthorId;
        var coordinator = RegionRule.Coordinates(context.User, item.RegionId);
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => item.Status == CaseStudyStatus.Published || author || coordinator,
            nameof(Operations.Change) => author,
            _ => coordinator,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
