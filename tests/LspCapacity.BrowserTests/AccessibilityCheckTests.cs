using LspCapacity.BrowserTests.Support;

namespace LspCapacity.BrowserTests;

/// <summary>
/// The axe check every browser test relies on finds what it must: a page with known failures fails it, the same
/// page put right passes. Without this a check that silently ran no rules would pass every page.
/// </summary>
public class AccessibilityCheckTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task TheAxeCheck_FindsAnUnlabelledField_PoorContrast_AndContentOutsideLandmarks_AndPassesThePageOnceFixed()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(
            """
            <!DOCTYPE html><html lang="en-GB"><head><title>Broken</title></head><body>
            <p style="color:#bbb;background:#fff">Pale grey text on white.</p>
            <form><input type="text" name="email"></form>
            </body></html>
            """);
        var problems = await page.AxeProblemsAsync();
        Assert.Contains(problems, p => p.StartsWith("label ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("color-contrast ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("region ", StringComparison.Ordinal));

        await page.SetContentAsync(
            """
            <!DOCTYPE html><html lang="en-GB"><head><title>Fixed</title></head><body>
            <main><h1>Sign up</h1><p style="color:#0b0c0c;background:#fff">Dark text on white.</p>
            <form><label for="email">Email address</label><input type="text" id="email" name="email"></form></main>
            </body></html>
            """);
        Assert.Empty(await page.AxeProblemsAsync());
    }
}
