using System.Runtime.CompilerServices;

namespace LspCapacity.Tests.Support;

/// <summary>
/// Settings for the whole test process, made before any app starts. Each app (a few hundred over a run,
/// dozens alive at once) would otherwise watch its configuration files and web root with inotify, and Linux
/// allows a user 128 inotify instances: past that, apps failed to start ("The configured user limit (128) on
/// the number of inotify instances has been reached"). Tests never change those files while an app runs.
/// </summary>
internal static class TestProcess
{
    [ModuleInitializer]
    internal static void Initialise()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
