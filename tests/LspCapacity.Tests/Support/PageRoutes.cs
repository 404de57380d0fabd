using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Support;

/// <summary>
/// Every page endpoint the app has, found by walking its endpoints, and who may open it: the rows of the
/// access test (Pages/AccessTests.cs) and of the browser test that opens every page (BrowserTests/EveryPageTests.cs).
/// A new page is in both the day it is added.
/// </summary>
public static partial class PageRoutes
{
    /// <summary>Folders and pages only coordinators (and admins) may open.</summary>
    public static readonly IReadOnlyList<string> CoordinatorOnly =
    [
        "/People/", "/Mail/", "/Partnerships/Create", "/Partnerships/Edit",
        "/Activities/Create", "/Activities/Edit", "/Activities/Manage", "/Activities/SignInSheet", "/Activities/Export",
        "/Needs/Surveys/Create", "/Needs/Surveys/Export", "/Needs/Surveys/Question",
        "/Placements/Create", "/Library/Moderation", "/Reviews/Create", "/Projects/Decide",
        "/Dashboard/", "/Needs/Coverage",
    ];

    public static bool IsCoordinatorOnly(string viewEnginePath) =>
        CoordinatorOnly.Any(c => viewEnginePath.StartsWith(c, StringComparison.Ordinal));

    /// <summary>Each page once: its view path (e.g. "/Activities/Details") and route template (e.g. "activities/{id:int}").</summary>
    public static IReadOnlyList<(string ViewEnginePath, string Template)> Walk(IServiceProvider services) =>
        services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>(), e.RoutePattern.RawText))
            .Where(e => e.Descriptor is not null && e.RawText is not null)
            .Select(e => (e.Descriptor!.ViewEnginePath, Template: e.RawText!.TrimStart('/')))
            .DistinctBy(e => e.Template)
            .ToList();

    /// <summary>Every page with a sample address: 1 for each route parameter, or a constraint's first alternative.</summary>
    public static IReadOnlyList<(string ViewEnginePath, string Url)> Samples(IServiceProvider services) =>
        Walk(services).Select(p => (p.ViewEnginePath, Url(p.Template, (_, _) => "1"))).ToList();

    /// <summary>
    /// The template as a URL: a parameter constrained to alternatives takes the first; any other takes
    /// <paramref name="value"/>(the literal segment before it, the parameter's name).
    /// </summary>
    public static string Url(string template, Func<string, string, string> value) =>
        "/" + RouteParameter().Replace(template, parameter =>
        {
            if (AlternativeConstraint().Match(parameter.Value) is { Success: true } alternative)
            {
                return alternative.Groups[1].Value;
            }
            var before = template[..parameter.Index].TrimEnd('/');
            var segment = before[(before.LastIndexOf('/') + 1)..];
            var name = parameter.Value.Trim('{', '}').Split(':', '?', '=')[0];
            return value(segment, name);
        });

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"regex\(\^\((\w+)\|")]
    private static partial Regex AlternativeConstraint();
}
