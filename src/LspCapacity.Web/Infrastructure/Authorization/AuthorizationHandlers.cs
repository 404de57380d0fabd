using Microsoft.AspNetCore.Authorization;

namespace LspCapacity.Web.Infrastructure.Authorization;

public static class AuthorizationHandlers
{
    /// <summary>
    /// Registers every <see cref="IAuthorizationHandler"/> in the app (scoped: handlers may read the
    /// database). A handler lives beside the pages of its module, or here when several modules share it.
    /// </summary>
    public static IServiceCollection AddAppAuthorizationHandlers(this IServiceCollection services)
    {
        var handlers = typeof(AuthorizationHandlers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAuthorizationHandler).IsAssignableFrom(t));
        foreach (var handler in handlers)
        {
            services.AddScoped(typeof(IAuthorizationHandler), handler);
        }
        return services;
    }
}
