using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LspCapacity.Web.Infrastructure.Authorization;

/// <summary>
/// The national team reads every region and changes nothing: every POST they make is refused here, in one
/// place, whatever a page's own rules would allow — except their own account's (sign out, change password).
/// The handlers say the same thing record by record (<see cref="RegionRule.Coordinates"/> is false for them);
/// this is the backstop for a page that forgets to ask.
/// </summary>
public sealed class NationalReadOnlyFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && RegionRule.IsNational(context.HttpContext.User)
            && !context.ActionDescriptor.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal))
        {
            context.Result = new ForbidResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
