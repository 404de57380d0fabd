using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LspCapacity.Tests.Support;

/// <summary>
/// What the app logged (at the levels its configuration lets through: Warning and above unless a test
/// sets <c>Logging:LogLevel:…</c> in <see cref="AppFactory.Settings"/>), for tests about what an
/// operator would read.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Errors and worse: what shows as <c>fail:</c> or <c>crit:</c> in the console.</summary>
    public IEnumerable<Entry> Failures => Entries.Where(e => e.Level >= LogLevel.Error);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")));
    }
}
