using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LspCapacity.Tests.Support;
using Microsoft.Playwright;

namespace LspCapacity.BrowserTests.Support;

/// <summary>
/// The real app on Kestrel on a free 127.0.0.1 port, and Debian's Chromium driven by Playwright.
/// One per test class.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            return; // the tests are skipped, or fail on their own when the browser is required
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page, optionally as wide as a phone's screen.</summary>
    public async Task<IPage> NewPageAsync(int? width = null)
    {
        if (_browser is null)
        {
            throw new InvalidOperationException($"Chromium is required at {BrowserFactAttribute.ChromiumPath} for browser tests.");
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "en-GB", TimezoneId = "Europe/London",
            ViewportSize = width is { } w ? new ViewportSize { Width = w, Height = 640 } : null,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public static class Pages
{
    /// <summary>
    /// Signs in through the real sign-in page, waits to leave it and for the signed-in page's "Sign out".
    /// The wait ends when the next page is committed, not at its load event: under the whole suite's load
    /// Playwright has missed a load event that had fired (network idle logged, load never), and a
    /// visible "Sign out" is the better proof anyway.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password = Demo.Password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Types a date into the GOV.UK date input whose legend is <paramref name="legend"/>: day, month and year.</summary>
    public static async Task FillDateAsync(this IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public static class Accessibility
{
    /// <summary>
    /// axe's rules (WCAG 2.0 to 2.2 A and AA, and best practice with "region": all content inside
    /// landmarks), failing on every moderate, serious or critical violation.
    /// </summary>
    private static readonly AxeRunOptions Options = new()
    {
        Rules = new Dictionary<string, RuleOptions> { ["region"] = new() { Enabled = true } },
        ResultTypes = [ResultType.Violations], // only violations in full: much less work on big pages
    };

    /// <summary>Runs axe on the page and fails listing every moderate, serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var problems = await page.AxeProblemsAsync();
        Assert.True(problems.Count == 0, $"axe found on {page.Url}:\n{string.Join("\n", problems)}");
    }

    /// <summary>
    /// Every moderate, serious or critical axe violation on the page, one line each. axe runs in the page itself
    /// (the package's "legacy" mode): its default opens a blank page in which to merge the results of each frame,
    /// which made each run ~1 s, three quarters of the browser suite's time (measured: 91 pages, axe 89 s → 24 s).
    /// Legacy mode differs only for frames, which this app's pages do not have; AccessibilityCheckTests proves the
    /// check still finds what it should.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeProblemsAsync(this IPage page)
    {
#pragma warning disable CS0618 // marked obsolete as "to be removed in future"; see above for why it is used
        var result = await page.RunAxeLegacy(context: null, options: Options);
#pragma warning restore CS0618
        Assert.NotEmpty(result.Passes); // axe really ran its rules on this page
        return result.Violations
            .Where(v => v.Impact is "moderate" or "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }
}
