using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LspCapacity.Web.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LspCapacity.Bench;

/// <summary>
/// The email path at national scale, on a copy of the generated database: make N confirmed bookings
/// due for their reminder, run the reminder job as Hangfire would (timed: the outbox filled), then
/// let the app's own Hangfire server deliver the outbox over SMTP to a local server (timed: until
/// the last message arrives). The app is the real one, in-process, with a clock at the data set's anchor.
/// </summary>
public static class JobsBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var source = options.Required("database");
        var due = options.Get("due", 10_000);
        var anchor = DateTime.SpecifyKind(DateTime.ParseExact(options.Get("anchor", "2026-11-25"), "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var timeout = options.Get("timeout", 300);

        var folder = Path.Combine(Path.GetTempPath(), "lspcapacity-bench-jobs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "lspcapacity.db");
        File.Copy(source, database);
        try
        {
            var prepared = MakeRemindersDue(database, anchor, due);
            // The app needs a content root that exists; this tool's own folder does (no pages are served).
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LSPCAPACITY_WEB", AppContext.BaseDirectory);
            await using var smtp = new SmtpSink();
            await using var app = new JobsApp(folder, database, smtp.Port, anchor);
            _ = app.Services; // start the app: migrations (none to apply), seed check, Hangfire server

            await using var scope = app.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var queued = await scope.ServiceProvider.GetRequiredService<ActivityReminderJob>().RemindAsync();
            var fill = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0,-28} {1,9:F1} s        {2} reminders queued for {3} due bookings (target < 10 s)", "reminder job → outbox", fill, queued, prepared));

            // Delivery starts when the job's transaction commits (the outbox signal), as in production.
            watch.Restart();
            while (smtp.Received < queued && watch.Elapsed.TotalSeconds < timeout)
            {
                await Task.Delay(100);
            }
            var send = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0,-28} {1,9:F1} s        {2} of {3} received by the SMTP server{4} (target < 60 s)", "outbox → SMTP", send, smtp.Received, queued,
                smtp.Received < queued ? $", gave up after {timeout} s" : ""));
            return queued > 0 && smtp.Received >= queued ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Moves the first upcoming activities (after the reminder window, so nothing has been sent for
    /// them yet) into the coming week until they hold <paramref name="due"/> confirmed bookings.
    /// Returns how many bookings are due.
    /// </summary>
    private static int MakeRemindersDue(string database, DateTime now, int due)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var chosen = new List<(int Id, int Confirmed)>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT a.Id, (SELECT COUNT(*) FROM Bookings b WHERE b.ActivityId = a.Id AND b.Status = 'Confirmed')
                FROM Activities a WHERE a.Status = 'Published' AND a.StartsAt > $after AND a.Id <> 1
                ORDER BY a.StartsAt
                """;
            command.Parameters.AddWithValue("$after", now.AddDays(8));
            using var reader = command.ExecuteReader();
            var total = 0;
            while (total < due && reader.Read())
            {
                var confirmed = reader.GetInt32(1);
                chosen.Add((reader.GetInt32(0), confirmed));
                total += confirmed;
            }
        }
        using var move = connection.CreateCommand();
        move.Transaction = transaction;
        move.CommandText = """
            UPDATE Activities SET StartsAt = $starts, EndsAt = $ends WHERE Id = $id;
            UPDATE Bookings SET CreatedAt = $booked WHERE ActivityId = $id AND CreatedAt > $booked;
            """;
        var starts = move.Parameters.Add(new SqliteParameter("$starts", null));
        var ends = move.Parameters.Add(new SqliteParameter("$ends", null));
        var id = move.Parameters.Add(new SqliteParameter("$id", null));
        move.Parameters.AddWithValue("$booked", now.AddDays(-30));
        foreach (var (activity, index) in chosen.Select((c, i) => (c.Id, i)))
        {
            var at = now.AddDays(2 + index % 5).AddHours(index % 6);
            starts.Value = at;
            ends.Value = at.AddHours(4);
            id.Value = activity;
            move.ExecuteNonQuery();
        }
        transaction.Commit();
        return chosen.Sum(c => c.Confirmed);
    }

    private sealed class JobsApp(string folder, string database, int smtpPort, DateTime anchor) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            var settings = new Dictionary<string, string?>
            {
                ["App:DataFolder"] = folder,
                ["Database:ConnectionString"] = $"Data Source={database}",
                ["Seed:DemoData"] = "false",
                ["Jobs:RunServer"] = "true",
                ["Email:Mode"] = "Smtp",
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Email:Smtp:Security"] = "None",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new RunningClock(anchor));
            });
        }
    }

    /// <summary>Starts at the data set's anchor and runs at the speed of real time.</summary>
    private sealed class RunningClock(DateTime start) : TimeProvider
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(start, TimeSpan.Zero) + _since.Elapsed;
    }

    /// <summary>A real SMTP server (the SmtpServer package) on a free loopback port that counts what it receives.</summary>
    private sealed class SmtpSink : IAsyncDisposable
    {
        private readonly SmtpServer.SmtpServer _server;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;
        private int _received;

        public SmtpSink()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var options = new SmtpServerOptionsBuilder().ServerName("localhost")
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new Store(this));
            services.Add(new NoDelayListenerFactory());
            _server = new SmtpServer.SmtpServer(options, services);
            _running = _server.StartAsync(_stop.Token);
        }

        public int Port { get; }

        public int Received => Volatile.Read(ref _received);

        public async ValueTask DisposeAsync()
        {
            _server.Shutdown();
            await _stop.CancelAsync();
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
            _stop.Dispose();
        }

        /// <summary>
        /// SmtpServer writes each reply to a pipelined command on its own, with Nagle's algorithm on:
        /// the second reply waits for the client's delayed ACK (about 40 ms on Linux), which made this
        /// sink, not the app, the limit on delivery (43 ms a message, measured). Real relays batch
        /// their replies. SmtpServer does not expose the socket, so switch Nagle off on its listening
        /// socket, whose accepted sockets inherit the option on Linux.
        /// </summary>
        private sealed class NoDelayListenerFactory : SmtpServer.Net.EndpointListenerFactory
        {
            public override SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
            {
                var listener = base.CreateListener(endpointDefinition);
                if (listener.GetType().GetField("_tcpListener", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
                        ?.GetValue(listener) is TcpListener tcp)
                {
                    tcp.Server.NoDelay = true;
                }
                return listener;
            }
        }

        private sealed class Store(SmtpSink owner) : MessageStore
        {
            public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
                ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._received);
                return Task.FromResult(SmtpResponse.Ok);
            }
        }
    }
}
