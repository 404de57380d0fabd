using System.Security.Claims;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Board;

/// <summary>
/// Who may do what with a programme board meeting. Read (its date, and after it the decisions, which are
/// public to the region through the log): every signed-in person of the region. <see cref="BoardOperations.ReadPapers"/>
/// (the papers, the agenda and its evidence): the board, that is the region's coordinators (admins everywhere)
/// and its practitioner members. Manage (agenda, decisions): the region's coordinators.
/// </summary>
public sealed class BoardMeetingAuthorizationHandler(AppDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, BoardMeeting>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, BoardMeeting meeting)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => RegionRule.CanSee(user, meeting.RegionId),
            nameof(BoardOperations.ReadPapers) => await BoardAccess.SitsOnBoardAsync(db, user, meeting.RegionId),
            nameof(Operations.Manage) => RegionRule.Coordinates(user, meeting.RegionId),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>What the board may do with a meeting beside the shared <see cref="Operations"/>.</summary>
public static class BoardOperations
{
    /// <summary>Read the papers and the agenda with its evidence, before the meeting as after.</summary>
    public static readonly OperationAuthorizationRequirement ReadPapers = new() { Name = nameof(ReadPapers) };
}

/// <summary>Who sits on a region's board: its coordinators by right (admins everywhere) and the staff appointed to it.</summary>
public static class BoardAccess
{
    public static async Task<bool> SitsOnBoardAsync(AppDbContext db, ClaimsPrincipal user, int regionId)
    {
        if (RegionRule.Coordinates(user, regionId))
        {
            return true;
        }
        return RegionRule.CanSee(user, regionId) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            && await db.BoardMembers.AnyAsync(m => m.RegionId == regionId && m.UserId == id);
    }
}
