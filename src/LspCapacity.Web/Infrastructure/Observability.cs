using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LspCapacity.Web.Infrastructure;

/// <summary>The app's own traces and metrics (what the libraries' instrumentation cannot see: outgoing SMTP).</summary>
public static class AppTelemetry
{
    public const string Name = "LspCapacity";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Emails handed to SMTP (or the pickup folder), by outcome: sent, transient, permanent.</summary>
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("lspcapacity.email.sent", unit: "{email}",
        description: "Emails handed to the SMTP server or the pickup folder, by outcome");
}

/// <summary>
/// What production sees of the app: JSON console logs (one object a line, with the request and trace ids
/// from the logging scopes) outside Development and Testing, and OpenTelemetry traces and metrics over
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (off otherwise: nothing is collected or sent).
/// </summary>
public static class Observability
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddAppObservability(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
        {
            // ASP.NET Core puts the request id and path in a logging scope, and the host's default
            // ActivityTrackingOptions add the trace and span ids: IncludeScopes writes them into every line.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            return;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "lspcapacity"))
            .WithTracing(tracing => tracing
                // Health probes every few seconds would drown the traces that matter.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(Routes.Health))
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddSource(AppTelemetry.Name)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(AppTelemetry.Name)
                .AddOtlpExporter());
    }
}
