using System.Linq.Expressions;
using System.Security.Claims;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>A booking's person and its activity's region: what <see cref="BookingAuthorizationHandler"/> decides on.</summary>
public sealed record BookingRecord(string PersonId, int RegionId);

/// <summary>The booking rule, stated once, in memory and as a list filter: a booking is its person's.</summary>
public static class BookingRule
{
    public static bool IsOwn(ClaimsPrincipal user, BookingRecord booking) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && id == booking.PersonId;

    /// <summary>A person's own bookings (their list, their feedback, their calendar).</summary>
    public static Expression<Func<Booking, bool>> Of(string personId) => b => b.PersonId == personId;
}

/// <summary>Read: the person and the region's coordinators. Change (cancel, give feedback): the person only.</summary>
public sealed class BookingAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, BookingRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        BookingRecord booking)
    {
        if (BookingRule.IsOwn(context.User, booking)
            || requirement.Name != Operations.Change.Name && RegionRule.Coordinates(context.User, booking.RegionId))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
