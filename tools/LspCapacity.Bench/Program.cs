using System.Globalization;
using LspCapacity.Bench.Generator;

namespace LspCapacity.Bench;

// Benchmark tooling. bench/run drives it; each command can also be run on its own:
//   generate --scale national|small [--database path] [--seed n] [--anchor yyyy-MM-dd]
//   jobs     --database path [--due 10000]          reminder job into the outbox, then the outbox to an SMTP server
//   cycle    --url http://127.0.0.1:5000 --activity 1 [--seconds 15] [--connections 32]   book-then-cancel load
public static class BenchCommands
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault() ?? "help";
        var options = Options.Parse(args.Skip(1));
        switch (command)
        {
            case "generate":
                var scale = Scale.Named(options.Get("scale", "national"));
                var database = options.Get("database", Path.Combine("artifacts", "bench", $"{options.Get("scale", "national")}.db"));
                var seed = int.Parse(options.Get("seed", "2006"), CultureInfo.InvariantCulture);
                var anchor = DateTime.SpecifyKind(DateTime.ParseExact(options.Get("anchor", "2026-11-25"), "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
                var seedFolder = options.Get("seed-folder", Path.Combine(AppContext.BaseDirectory, "seed"));
                Console.WriteLine($"Generating the {options.Get("scale", "national")} data set (seed {seed}, anchor {anchor:yyyy-MM-dd}) into {database}");
                await new NationalDataGenerator(database, scale, seed, anchor, seedFolder, Console.Out).RunAsync();
                return 0;
            case "jobs":
                return await JobsBenchmark.RunAsync(options);
            case "cycle":
                return await BookingCycle.RunAsync(options);
            default:
                Console.Error.WriteLine("Commands: generate, jobs, cycle (see tools/LspCapacity.Bench/Program.cs and docs/performance.md).");
                return command == "help" ? 0 : 2;
        }
    }
}
