using System.Text.RegularExpressions;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// Links and redirects name the page (asp-page, RedirectToPage, Url.Page, Outbox.PageLink), so an address
/// is written once, in its page's <c>@page</c> route. These fail when a hand-typed address of a page comes
/// back; static files and the few non-page endpoints (Infrastructure/Routes.cs) are the exceptions.
/// </summary>
public partial class TypedRoutesTests
{
    private static readonly string Web = FindWebProject();

    /// <summary>Static files, which no page builds.</summary>
    private static readonly string[] StaticPrefixes = ["/govuk/", "/js/", "/css/", "/assets/"];

    [Fact]
    public void Views_LinkToPagesByName_NotByAddress()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.cshtml", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in UrlAttribute().Matches(lines[i]))
                {
                    if (!StaticPrefixes.Any(p => m.Groups["url"].Value.StartsWith(p, StringComparison.Ordinal)))
                    {
                        found.Add($"{Path.GetRelativePath(Web, file)}:{i + 1}: {m.Value}");
                    }
                }
            }
        }
        Assert.True(found.Count == 0, "Use asp-page/asp-route-* instead of these addresses:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Code_RedirectsAndLinksToPagesByName_NotByAddress()
    {
        // A string starting with the first segment of any page's route, e.g. "/activities/…" or $"/reviews/{id}".
        var segments = PageRouteFirstSegments();
        Assert.Contains("activities", segments);
        var address = new Regex($@"\$?@?""/({string.Join("|", segments.Select(Regex.Escape))})(?=[/?""{{])");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Web, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Web, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)
                || relative.StartsWith("node_modules/", StringComparison.Ordinal) || relative.StartsWith("Data/Migrations", StringComparison.Ordinal)
                || relative == "Infrastructure/Routes.cs")
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (address.Match(lines[i]) is { Success: true } m)
                {
                    found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.True(found.Count == 0,
            "Use RedirectToPage, Url.Page or Outbox.PageLink (or, for a non-page endpoint, Infrastructure/Routes.cs) instead of:\n" + string.Join("\n", found));
    }

    private static IReadOnlyList<string> PageRouteFirstSegments() =>
        Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Select(f => PageDirective().Match(File.ReadLines(f).FirstOrDefault() ?? ""))
            .Where(m => m.Success && m.Groups["first"].Value.Length > 0)
            .Select(m => m.Groups["first"].Value)
            .Distinct()
            .ToList();

    private static string FindWebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "LspCapacity.Web");
            if (Directory.Exists(web))
            {
                return web;
            }
        }
        throw new DirectoryNotFoundException("src/LspCapacity.Web was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(href|action|formaction|src)=""(?<url>/[^""]*)""")]
    private static partial Regex UrlAttribute();

    [GeneratedRegex(@"^@page\s+""/(?<first>[a-z0-9-]*)")]
    private static partial Regex PageDirective();
}
