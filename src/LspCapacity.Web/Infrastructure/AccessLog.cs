using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace LspCapacity.Web.Infrastructure;

/// <summary>Refused access is logged (by user id and path, never by name or email) and answered with 403.</summary>
public static class AccessLog
{
    public static Task RefuseWith403(RedirectContext<CookieAuthenticationOptions> context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LspCapacity.Access");
        logger.LogWarning("Access refused to {Path} for user {UserId}",
            context.Request.Path.Value, context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier));
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

public static class AccountRateLimit
{
    public const string Policy = "account";
}

/// <summary>The pages anyone may open without signing in. Everything else needs sign-in.</summary>
public static class PublicPages
{
    public static readonly IReadOnlyList<string> All =
    [
        "/Index",
        "/Account/SignIn",
        "/Account/Invitation",
        "/Account/ResetPassword",
        "/Account/ChooseNewPassword",
        "/Errors/Status",
        "/My/Calendar", // a calendar program cannot sign in: the secret token in the URL is the key
        "/Library/Index", // the published good-practice library is public
        "/Library/Details",
        "/Library/Feed",
        "/Library/Result", // a closed project's results summary, public only with its lead's consent
        "/Library/Unsubscribe", // from the digest email, without signing in: the token is the key
        "/Accessibility", // the accessibility statement, linked from every page's footer
        "/Privacy", // the privacy notice, linked from every page's footer and the invitation email
    ];
}
