using Hangfire.Logging;

namespace LspCapacity.Web.Jobs;

/// <summary>
/// Routes Hangfire's logging to the host's <see cref="ILoggerFactory"/>, and goes quiet once that
/// factory is disposed. Hangfire keeps its log provider in a process-wide static, so a background
/// thread that logs during shutdown (or a second host in the same process, as in the test suite)
/// must not fail because the first host's logging has already been torn down.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new HostLog(loggerFactory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class HostLog(ILogger logger) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                Hangfire.Logging.LogLevel.Trace => Microsoft.Extensions.Logging.LogLevel.Trace,
                Hangfire.Logging.LogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
                Hangfire.Logging.LogLevel.Info => Microsoft.Extensions.Logging.LogLevel.Information,
                Hangfire.Logging.LogLevel.Warn => Microsoft.Extensions.Logging.LogLevel.Warning,
                Hangfire.Logging.LogLevel.Error => Microsoft.Extensions.Logging.LogLevel.Error,
                _ => Microsoft.Extensions.Logging.LogLevel.Critical,
            };
            try
            {
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }
                logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
