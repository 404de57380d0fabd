using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LspCapacity.Web.Infrastructure;

/// <summary>Reports whether Hangfire's storage answers, and how many job servers are alive.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers().Count;
            var failed = monitoring.FailedCount();
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} job server(s); {failed} failed job(s)"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is not answering.", e));
        }
    }

    public static Task WriteResponse(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
            }),
        }));
    }
}
