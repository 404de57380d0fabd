using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Email;
using LspCapacity.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LspCapacity.Tests.Operations;

/// <summary>OpenTelemetry: exported over OTLP to the configured endpoint, and nothing at all without one.</summary>
public sealed class TelemetryTests : IAsyncDisposable
{
    private readonly HttpListener _collector = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Task _listening;
    private readonly string _endpoint;

    public TelemetryTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _endpoint = $"http://127.0.0.1:{port}";
        _collector.Prefixes.Add(_endpoint + "/");
        _collector.Start();
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>A stand-in OTLP/HTTP collector: keeps what is posted, answers 200 with an empty protobuf message.</summary>
    private async Task ListenAsync()
    {
        while (_collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _collector.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private string Received(string path) =>
        string.Join("\n", _received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));

    [Fact]
    public async Task WithAnEndpoint_RequestsDatabaseCallsAndSmtpAreTraced_AndEmailsCounted()
    {
        await using var smtp = new SmtpTestServer();
        await using (var app = new AppFactory { SmtpPort = smtp.Port })
        {
            app.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = _endpoint;
            app.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            app.Settings["OTEL_SERVICE_NAME"] = "lspcapacity-test";
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClientAs(Demo.Coordinator).GetAsync("/activities")).StatusCode);
            await app.WithDbAsync(async db =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Outbox>().QueueAsync(db, "telemetry:1", "someone@example.org", "Some One",
                    "password-changed", new Dictionary<string, string?> { ["ChangedAt"] = "6 December 2026 at 6am" });
                await db.SaveChangesAsync();
            });
            Assert.Equal(1, await app.RunAsync<OutboxDeliveryJob, int>(j => j.DeliverDueAsync()));
            Assert.Single(smtp.Received);
            Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        }

        var traces = Received("/v1/traces");
        var metrics = Received("/v1/metrics");
        Assert.Contains("lspcapacity-test", traces);
        Assert.Contains("/activities", traces);      // ASP.NET Core
        Assert.Contains("sqlite", traces);           // EF Core
        Assert.Contains("smtp send", traces);        // our own span round MailKit
        Assert.DoesNotContain("someone@example.org", traces);
        Assert.Contains("lspcapacity.email.sent", metrics);
        Assert.Contains("http.server.request.duration", metrics);
    }

    [Fact]
    public async Task WithoutAnEndpoint_NothingIsCollected()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    public async ValueTask DisposeAsync()
    {
        _collector.Stop();
        _collector.Close();
        await _listening;
    }
}
