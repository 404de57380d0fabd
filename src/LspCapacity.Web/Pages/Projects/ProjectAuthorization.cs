using System.Security.Claims;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// Who may do what to an improvement project. Read: the partnership's staff, the region's coordinators
/// (admins everywhere) and the people supporting it. Change (edit while open, post updates, record
/// results; the domain keeps updates and results to the lead): the partnership's staff. Manage (accept,
/// decline, support plan): the region's coordinators. The region's brokers read, never change. <see cref="ProjectOperations.Report"/> (post progress,
/// record the results): the project's lead alone, not even an admin.
/// </summary>
public sealed class ProjectAuthorizationHandler(AppDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, Project>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Project project)
    {
        var user = context.User;
        if (requirement.Name == ProjectOperations.Report.Name)
        {
            if (user.IsInRole(Roles.LspStaff) && ClaimedId(user, AppClaims.PartnershipId) == project.PartnershipId
                && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && project.IsLead(id))
            {
                context.Succeed(requirement);
            }
            return;
        }
        if (user.IsInRole(Roles.Admin))
        {
            context.Succeed(requirement);
            return;
        }
        var coordinatorHere = user.IsInRole(Roles.Coordinator) && ClaimedId(user, AppClaims.RegionId) == project.RegionId;
        var staffHere = user.IsInRole(Roles.LspStaff) && ClaimedId(user, AppClaims.PartnershipId) == project.PartnershipId;
        // The region's independent broker reads its projects (to broker support for them) and changes nothing.
        var brokerHere = user.IsInRole(Roles.Broker) && ClaimedId(user, AppClaims.RegionId) == project.RegionId;
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => coordinatorHere || staffHere || brokerHere
                || (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } personId && await ProjectAccess.IsSupportingAsync(db, project.Id, personId)),
            nameof(Operations.Change) => staffHere,
            nameof(Operations.Manage) => coordinatorHere,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }

    private static int? ClaimedId(ClaimsPrincipal user, string claim) =>
        int.TryParse(user.FindFirstValue(claim), out var id) ? id : null;
}

/// <summary>What only a project's lead does to it, beside the shared <see cref="Operations"/>.</summary>
public static class ProjectOperations
{
    /// <summary>Post a progress update; close the project with its results.</summary>
    public static readonly OperationAuthorizationRequirement Report = new() { Name = nameof(Report) };
}

/// <summary>Which projects a person may see in lists, the same rule as <see cref="ProjectAuthorizationHandler"/>'s Read.</summary>
public static class ProjectAccess
{
    /// <summary>
    /// The projects <paramref name="personId"/> supports without belonging to them: mentor or mentee of a
    /// placement linked to the project, member of the team of a peer review linked to it. The one place
    /// this rule lives: the handler and the list use it.
    /// </summary>
    public static IQueryable<int> SupportedProjectIds(AppDbContext db, string personId) =>
        db.Placements.Where(p => p.ProjectId != null && (p.MentorId == personId || p.MenteeId == personId)).Select(p => p.ProjectId!.Value)
            .Concat(db.PeerReviews.Where(r => r.ProjectId != null && r.Team.Any(m => m.PersonId == personId)).Select(r => r.ProjectId!.Value));

    public static Task<bool> IsSupportingAsync(AppDbContext db, int projectId, string personId) =>
        SupportedProjectIds(db, personId).AnyAsync(id => id == projectId);

    /// <summary>
    /// The region whose every project the person may read, and nothing more (a coordinator or broker, who see their region's
    /// projects: <see cref="Visible"/>'s rule for them); null for anyone else.
    /// </summary>
    public static int? WholeRegionOf(CurrentUser me) => !me.IsAdmin && (me.IsCoordinator || me.IsBroker) ? me.RegionId : null;

    /// <summary>The projects a signed-in person may read, as a query to filter further.</summary>
    public static IQueryable<Project> Visible(AppDbContext db, CurrentUser me)
    {
        var projects = db.Projects.AsNoTracking();
        if (me.IsAdmin)
        {
            return projects;
        }
        if (me.IsCoordinator || me.IsBroker)
        {
            return projects.Where(p => p.RegionId == me.RegionId);
        }
        var supported = me.Id is { } id ? SupportedProjectIds(db, id) : db.Projects.Where(p => false).Select(p => p.Id);
        if (me.IsLspStaff && me.PartnershipId is { } partnershipId)
        {
            return projects.Where(p => p.PartnershipId == partnershipId || supported.Contains(p.Id));
        }
        return projects.Where(p => supported.Contains(p.Id));
    }
}
