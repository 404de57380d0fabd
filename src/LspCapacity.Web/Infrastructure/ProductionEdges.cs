using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> the app believes (section
/// <c>ForwardedHeaders</c>). Without any, only a proxy on the same machine (loopback) is believed.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the load balancers or reverse proxies in front of the app, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks they are in, in CIDR notation, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// What running behind a load balancer on the internet needs: real client addresses from trusted
/// proxies, HSTS and Secure cookies in Production, health probes that tell nothing to strangers, and
/// Data Protection keys encrypted at rest.
/// </summary>
public static class ProductionEdges
{
    public static void AddForwardedHeadersFromConfig(this IServiceCollection services, IConfiguration config)
    {
        var proxies = config.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.KnownProxies.Count + proxies.KnownNetworks.Count == 0)
            {
                return; // the defaults: a proxy on this machine
            }
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>
    /// In Production: HSTS for a year. Cookies stay Secure whenever the request is HTTPS (SameAsRequest, set where
    /// each cookie is configured): behind a proxy that terminates TLS, the forwarded scheme makes every request
    /// HTTPS. Forcing Always instead made antiforgery throw (a 500 on every form) on any plain-HTTP request.
    /// </summary>
    public static void AddProductionTransportSecurity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        if (environment.IsProduction())
        {
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        }
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no checks). <c>/health/ready</c> and <c>/health</c>: the
    /// database and the job storage. Anonymous callers get the status alone; admins get each check's words.
    /// </summary>
    public static void MapAppHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Routes.HealthLive, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(Routes.HealthReady, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(Routes.Health, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        object body = context.User.IsInRole(Roles.Admin)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    /// <summary>
    /// Keys are kept in the database (every node shares them) and encrypted there with a certificate, so
    /// a copy of the database alone cannot forge sign-in cookies: <c>DataProtection:CertificatePath</c>
    /// (a PFX, with <c>DataProtection:CertificatePassword</c>) when configured, which several nodes must
    /// share; else, on SQLite, one made on first start in the data folder (<c>keys/data-protection.pfx</c>,
    /// kept out of the database and taken with the backups; made while the app starts, see <see cref="GeneratedKeyCertificate"/>).
    /// PostgreSQL without a certificate: refused in Production; elsewhere the keys are stored unencrypted, with a warning.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration config,
        IWebHostEnvironment environment, DatabaseProvider provider, string dataFolder)
    {
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } configured)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(configured, config["DataProtection:CertificatePassword"]);
            return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            var generated = GeneratedKeyCertificate.At(GeneratedCertificatePath(dataFolder));
            builder.Services.AddSingleton(generated);
            builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlEncryptor = new GeneratedKeyCertificate.Encryptor(generated, services.GetRequiredService<ILoggerFactory>())));
            // Keys stored before the certificate was made on a thread of its own name Data Protection's own decryptor.
            return generated.WasThere ? builder.UnprotectKeysWithAnyCertificate(generated.Certificate) : builder;
        }
        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Set DataProtection:CertificatePath (and CertificatePassword) to a PFX every web node shares: on PostgreSQL " +
                "the Data Protection keys that sign cookies would otherwise be stored unencrypted in the database. See README, 'Running it in production'.");
        }
        return builder;
    }

    public static string GeneratedCertificatePath(string dataFolder) => Path.Combine(dataFolder, "keys", "data-protection.pfx");
}
