using LspCapacity.Web.Data;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// ASP.NET Core output caching for the public pages (home, the library, a case study, the feed), for
/// visitors only. A page is kept under its full address and every <see cref="DataVersion"/>: each request
/// reads the versions (one round trip, as the cached figures do), so a change saved on any node moves the
/// key on and the next request anywhere renders the page afresh. Nothing signed in is ever stored or
/// served: the policy does not apply to an authenticated request, and ASP.NET Core's default rules (kept
/// here) never store a response that sets a cookie.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";

    /// <summary>For a visitor's page that shows no data at all (the home page): kept without reading the versions.</summary>
    public const string StaticPolicy = "public-static-page";

    /// <summary>The cookie that carries a one-off message (TempData): a request bringing one must see it.</summary>
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) => services
        // Before AddRazorPages, whose own registration of the TempData provider then stands aside.
        .AddSingleton<CookieTempDataProvider>()
        .AddSingleton<ITempDataProvider, QuietTempDataProvider>()
        .AddOutputCache(options =>
        {
            options.SizeLimit = 32L * 1024 * 1024; // the public pages are a few KB each; bounded so the cache never grows the working set much
            options.MaximumBodySize = 1024 * 1024;
            options.AddPolicy(Policy, policy => policy
                .With(context => context.HttpContext.User.Identity?.IsAuthenticated != true
                    && !context.HttpContext.Request.Cookies.ContainsKey(TempDataCookie))
                .VaryByValue(async (http, cancellationToken) =>
                    new KeyValuePair<string, string>("versions", await VersionsAsync(http, cancellationToken)))
                .Expire(TimeSpan.FromMinutes(10)));
            options.AddPolicy(StaticPolicy, policy => policy
                .With(context => context.HttpContext.User.Identity?.IsAuthenticated != true
                    && !context.HttpContext.Request.Cookies.ContainsKey(TempDataCookie))
                .Expire(TimeSpan.FromMinutes(10)));
        });

    private static async ValueTask<string> VersionsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var versions = await db.DataVersionsAsync(cancellationToken); // kept for the page, if it is rendered now
        return string.Join(',', versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}:{v.Value}"));
    }

    /// <summary>
    /// The cookie TempData provider, except that it does not delete a cookie the request never brought.
    /// The layout looks for a one-off message on every page, and the stock provider answered each such look
    /// with a Set-Cookie that deletes the (absent) cookie — which, rightly, stops any page from being cached.
    /// </summary>
    private sealed class QuietTempDataProvider(CookieTempDataProvider cookies) : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
            if (values.Count == 0 && !context.Request.Cookies.Keys.Any(k => k.StartsWith(TempDataCookie, StringComparison.Ordinal)))
            {
                return;
            }
            cookies.SaveTempData(context, values);
        }
    }
}
