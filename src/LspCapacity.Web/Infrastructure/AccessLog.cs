using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

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

/// <summary>
/// The limit on sign-in, password reset and change password POSTs, partitioned twice: by client address
/// and the account being signed in to (<see cref="AccountOptions.PermitsPerMinute"/>), and by client
/// address alone with a higher ceiling (<see cref="AccountOptions.PermitsPerAddressPerMinute"/>). The
/// client address is the real one behind a configured proxy (<see cref="ProxyOptions"/>).
/// </summary>
public static class AccountRateLimit
{
    public const string Policy = "account";

    public static void Configure(RateLimiterOptions options, AccountOptions accounts)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(Address(context) + "|" + Account(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = accounts.PermitsPerMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter(""));
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimitedPost(context)
            ? RateLimitPartition.GetFixedWindowLimiter(Address(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = accounts.PermitsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>
    /// Reads a limited POST's form before the limiter asks whose account it is (the limiter's partition
    /// choice cannot wait for the body); goes after routing (which names the endpoint) and authentication.
    /// </summary>
    public static IApplicationBuilder UseAccountFormsFirst(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsLimitedPost(context) && context.Request.HasFormContentType)
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        await next(context);
    });

    private static bool IsLimitedPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy;

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The signed-in person (change password), else the email address the form names (sign-in, reset).</summary>
    private static string Account(HttpContext context)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            return "user:" + userId;
        }
        return context.Request.HasFormContentType && context.Request.Form.TryGetValue("Input.Email", out var email)
            ? "email:" + email.ToString().Trim().ToUpperInvariant()
            : "";
    }
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
