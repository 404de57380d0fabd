using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace LspCapacity.Bench;

/// <summary>
/// Book-then-cancel load on one activity: each connection is a different member of staff signed in
/// through the real sign-in page, posting the antiforgery-protected Book and CancelBooking forms in
/// turn (each must answer with its post-redirect-get 302). Prints one line like the wrk pages; exits 1
/// if any post did not answer so (bench/run --smoke fails on it).
/// </summary>
public static class BookingCycle
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Required("url");
        var activity = options.Get("activity", 1);
        var seconds = options.Get("seconds", 15);
        var connections = options.Get("connections", 32);
        var emailPattern = options.Get("emails", "staff{0}@national.example");
        var password = options.Get("password", Generator.NationalDataGenerator.Password);
        var label = options.Get("label", "book-then-cancel");

        var clients = new List<(BenchClient Client, string Token)>();
        for (var i = 1; i <= connections; i++)
        {
            var client = new BenchClient(url);
            await client.SignInAsync(string.Format(CultureInfo.InvariantCulture, emailPattern, i), password);
            clients.Add((client, await client.TokenFromAsync($"/activities/{activity}")));
        }

        var latencies = new List<double>[connections];
        var errors = 0;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (c, i) =>
        {
            var mine = latencies[i] = [];
            var handler = "Book";
            // A cycle is finished even past the deadline, so everyone ends without a booking and the
            // next run (the measured one after a warm-up) starts from the same place.
            while (handler == "CancelBooking" || deadline.Elapsed.TotalSeconds < seconds)
            {
                var watch = Stopwatch.StartNew();
                HttpStatusCode status;
                try
                {
                    status = await c.Client.PostFormAsync($"/activities/{activity}?handler={handler}", c.Token);
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                mine.Add(watch.Elapsed.TotalMilliseconds);
                if (status != HttpStatusCode.Redirect)
                {
                    Interlocked.Increment(ref errors);
                }
                handler = handler == "Book" ? "CancelBooking" : "Book";
            }
        }));
        var elapsed = deadline.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine(Line(label, all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors, all.Count));
        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }
        return errors == 0 ? 0 : 1;
    }

    public static string Line(string page, double rps, double p50, double p99, int errors, int requests) =>
        string.Format(CultureInfo.InvariantCulture, "{0,-28} {1,9:F1} req/s   p50 {2,8:F1} ms   p99 {3,8:F1} ms   errors {4} of {5}",
            page, rps, p50, p99, errors, requests);

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
