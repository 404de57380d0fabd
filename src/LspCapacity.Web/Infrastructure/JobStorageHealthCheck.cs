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
}
