using System.Runtime.CompilerServices;

namespace LspCapacity.BrowserTests.Support;

/// <summary>
/// A browser test: skipped, with the reason, when Chromium is not installed — unless
/// LSP_REQUIRE_BROWSER=1 (CI sets it), when a missing browser is a failure, not a skip.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("LSP_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium); set LSP_REQUIRE_BROWSER=1 to make this a failure.";
        }
    }
}
