using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// Posts empty, over-long, out-of-range and malformed values to every form of every page the access
/// test walks (and the pages they link to), as each demo role that is shown the form: one field at a
/// time, the rest as the page filled them. Any 500 or unhandled exception in the log fails, and so does
/// an over-long value that reached the database (SQLite keeps what PostgreSQL would refuse with a 500).
/// The forms are read from the pages, so a new form is fuzzed the day it is added.
/// </summary>
public class FormFuzzTests : IClassFixture<FuzzApp>
{
    private readonly FuzzApp _app;
    private readonly ITestOutputHelper _output;

    public FormFuzzTests(FuzzApp app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    [Fact]
    public async Task EveryForm_AsEachRoleShownIt_AnswersBadInputWithoutA500()
    {
        await PageFuzz.ArrangeAsync(_app);
        var failures = new List<string>();
        var posts = 0;
        var fuzzedBy = new Dictionary<string, HashSet<string>>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Staff and mentors first: what the coordinators' and admin's fuzzing changes (closing, cancelling) comes after.
        foreach (var person in PageFuzz.People)
        {
            var client = PageFuzz.ClientAs(_app, person);
            // An admin is shown what a coordinator is, and more: only the forms no coordinator was shown are fuzzed again.
            var fuzzed = person == Demo.Admin ? fuzzedBy[Demo.Coordinator] : new HashSet<string>();
            fuzzedBy[person ?? ""] = fuzzed;
            foreach (var (url, document) in await PageFuzz.CrawlAsync(_app, client, person, failures))
            {
                foreach (var (shown, shownBy, signature) in PageFuzz.PostForms(url, document))
                {
                    if (!fuzzed.Add(signature))
                    {
                        continue; // the same form on another record: once per person is enough
                    }
                    IHtmlFormElement form = shown;
                    var submit = shownBy;
                    foreach (var (name, kind) in PageFuzz.Fields(form))
                    {
                        foreach (var value in PageFuzz.BadValues(kind))
                        {
                            var response = await client.SubmitAsync(form, url, new Dictionary<string, string> { [name] = value }, submit);
                            posts++;
                            _app.Check($"{PageFuzz.Who(person)}: POST {signature.Split(' ')[0]} (from {url}) {name}={PageFuzz.Describe(value)}", response, failures);
                            if ((int)response.StatusCode is >= 300 and < 400)
                            {
                                // It was accepted: go on from the form as the page shows it now, or as it was when it has gone
                                // (the handler must still refuse it cleanly).
                                var reloaded = await PageFuzz.ReloadAsync(client, url, signature);
                                if (reloaded.Form is { } again)
                                {
                                    (form, submit) = (again, reloaded.Submit);
                                }
                            }
                        }
                    }
                }
            }
        }
        failures.AddRange(await PageFuzz.OverLongValuesStoredAsync(_app));
        _output.WriteLine($"{posts} posts in {watch.Elapsed} ({System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime} processor time in this test run so far); {failures.Count} failures");
        foreach (var (person, forms) in fuzzedBy)
        {
            _output.WriteLine($"{PageFuzz.Who(person)}: {forms.Count} forms");
            foreach (var form in forms.Order())
            {
                _output.WriteLine("  " + form);
            }
        }
        failures.ForEach(_output.WriteLine);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(100)));
    }
}

/// <summary>
/// Asks for every page the access test walks (and the pages they link to) with malformed query string
/// values for every parameter the page reads (from its links, its GET forms and its page model), and
/// with malformed route values; any 500 or unhandled exception in the log fails.
/// </summary>
public partial class QueryStringFuzzTests : IClassFixture<FuzzApp>
{
    private readonly FuzzApp _app;
    private readonly ITestOutputHelper _output;

    public QueryStringFuzzTests(FuzzApp app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    [Fact]
    public async Task EveryPage_AnswersMalformedQueryAndRouteValuesWithoutA500()
    {
        await PageFuzz.ArrangeAsync(_app);
        var failures = new List<string>();
        var gets = 0;
        var pagesByKey = PageFuzz.PagesByKey(_app);
        var routeValues = _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.RoutePattern.Parameters.Select(p => p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var person in new[] { Demo.Coordinator, Demo.StaffBirmingham, null })
        {
            var client = PageFuzz.ClientAs(_app, person);
            var pages = await PageFuzz.CrawlAsync(_app, client, person, failures);
            var links = pages.SelectMany(p => PageFuzz.Links(p.Url, p.Document)).Concat(pages.Select(p => p.Url)).ToList();
            foreach (var page in pages.GroupBy(p => PageFuzz.Key(p.Url)))
            {
                var path = page.First().Url.Split('?')[0];
                var names = links.Where(l => PageFuzz.Key(l) == page.Key && l.Contains('?'))
                    .SelectMany(l => l.Split('?', 2)[1].Split('&')).Select(p => Uri.UnescapeDataString(p.Split('=')[0]))
                    .Concat(page.SelectMany(p => p.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                        .Where(f => !string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                        .SelectMany(f => PageFuzz.Fields(f).Select(field => field.Name))))
                    .Select(n => (Handler: (string?)null, Name: n))
                    .Concat(pagesByKey.TryGetValue(page.Key, out var viewPath) ? PageFuzz.QueryParameters(viewPath) : [])
                    .Where(p => p.Name is not ("handler" or "__RequestVerificationToken")
                                && !(viewPath is not null && routeValues[viewPath].Contains(p.Name)))
                    .DistinctBy(p => (p.Handler, p.Name.ToLowerInvariant())).ToList();
                foreach (var (handler, name) in names)
                {
                    foreach (var value in PageFuzz.BadQueryValues)
                    {
                        var url = $"{path}?{(handler is null ? "" : $"handler={handler}&")}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
                        gets++;
                        _app.Check($"{PageFuzz.Who(person)}: GET {PageFuzz.Describe(url)}", await client.GetAsync(url), failures);
                    }
                }
            }
            // Route values: every sample "1" of the access test's addresses, replaced.
            foreach (var (_, sample) in PageRoutes.Samples(_app.Services))
            {
                foreach (var value in PageFuzz.BadRouteValues)
                {
                    var url = SampleId().Replace(sample, Uri.EscapeDataString(value));
                    if (url != sample)
                    {
                        gets++;
                        _app.Check($"{PageFuzz.Who(person)}: GET {PageFuzz.Describe(url)}", await client.GetAsync(url), failures);
                    }
                }
            }
        }
        _output.WriteLine($"{gets} GETs in {watch.Elapsed} ({System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime} processor time in this test run so far); {failures.Count} failures");
        failures.ForEach(_output.WriteLine);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(100)));
    }

    [GeneratedRegex(@"(?<=/)1(?=/|\.|$)")]
    private static partial Regex SampleId();
}

/// <summary>The app with every error it logs collected, so a swallowed-then-logged exception fails too.</summary>
public sealed class FuzzApp : AppFactory
{
    private readonly ConcurrentQueue<string> _errors = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(_errors)));
    }

    /// <summary>Adds a failure when the response is a 5xx or the app logged an error while answering it.</summary>
    public void Check(string request, HttpResponseMessage response, List<string> failures)
    {
        var errors = new List<string>();
        while (_errors.TryDequeue(out var error))
        {
            errors.Add(error);
        }
        if ((int)response.StatusCode >= 500 || errors.Count > 0)
        {
            failures.Add($"{request} -> {(int)response.StatusCode}{(errors.Count > 0 ? ": " + string.Join(" | ", errors.Distinct()) : "")}");
        }
    }

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, errors);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel < LogLevel.Error)
                {
                    return;
                }
                var at = exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("LspCapacity.Web", StringComparison.Ordinal))?.Trim();
                errors.Enqueue(exception is null
                    ? $"{category}: {formatter(state, exception)}"
                    : $"{exception.GetType().Name}: {exception.Message.Split('\n')[0]} {at}");
            }
        }
    }
}

/// <summary>The walk and the bad values shared by the fuzz tests.</summary>
internal static partial class PageFuzz
{
    /// <summary>Every demo role, then nobody signed in (null).</summary>
    public static readonly string?[] People = [Demo.StaffBirmingham, Demo.Mentor, Demo.Coordinator, Demo.Admin, null];

    /// <summary>Longer than any column (the longest is 50,000), so it must be refused, never stored.</summary>
    private static readonly string Long = new('x', 60_001);

    public static readonly string[] BadQueryValues = ["", "-1", "2147483648", "9999-12", "0000-00", "9999-12-31", "abc", new string('x', 5000)];

    public static readonly string[] BadRouteValues = ["0", "-1", "2147483648", "abc", new string('x', 2000)];

    /// <summary>Links followed per kind of page (e.g. the sections of a survey response), beyond the access test's samples.</summary>
    private const int PagesPerKey = 12;

    public static IEnumerable<string> BadValues(string kind) => kind switch
    {
        "date" => ["", "9999-12-31", "0001-01-01", "2026-02-30", "abc"],
        "time" => ["", "24:00", "abc"],
        _ => ["", "-1", "2147483648", Long],
    };

    public static string Who(string? person) => string.IsNullOrEmpty(person) ? "anonymous" : person;

    public static string Describe(string value) => value.Length > 40 ? $"{value[..30]}…({value.Length} characters)" : value;

    public static HttpClient ClientAs(AppFactory app, string? person) =>
        person is null ? app.CreateAnonymousClient() : app.CreateClientAs(person);

    /// <summary>A survey open for answers and one still in draft, so both states' forms are reached.</summary>
    public static async Task ArrangeAsync(AppFactory app)
    {
        if (await app.WithDbAsync(db => db.Surveys.AnyAsync()))
        {
            return;
        }
        var coordinator = app.CreateClientAs(Demo.Coordinator);
        foreach (var (title, open) in new[] { ("Fuzzing: open", true), ("Fuzzing: draft", false) })
        {
            var created = await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string>
            {
                ["Input.Title"] = title,
                ["Input.Round"] = "Baseline",
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            if (open)
            {
                var opened = await coordinator.SubmitFormAsync(created.Headers.Location!.OriginalString, new Dictionary<string, string>(),
                    "form[action*='handler=Open']");
                Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            }
        }
    }

    /// <summary>
    /// The access test's sample address of every page, then the links on each page answered with 200
    /// that lead to a page of the app (up to <see cref="PagesPerKey"/> of each kind), as this person.
    /// </summary>
    public static async Task<List<(string Url, IHtmlDocument Document)>> CrawlAsync(FuzzApp app, HttpClient client, string? person,
        List<string> failures)
    {
        var keys = PagesByKey(app);
        var queue = new Queue<string>(PageRoutes.Samples(app.Services).Select(e => e.Url));
        var queued = new HashSet<string>(queue);
        var perKey = new Dictionary<string, int>();
        var pages = new List<(string, IHtmlDocument)>();
        while (queue.TryDequeue(out var url))
        {
            var response = await client.GetAsync(url);
            app.Check($"{Who(person)}: GET {url}", response, failures);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = await response.ParseAsync();
            pages.Add((url, document));
            foreach (var href in Links(url, document))
            {
                var key = Key(href);
                // A page with an optional last route value (/library/write/{id?}) is sampled with it; its links go without.
                if ((keys.ContainsKey(key) || keys.ContainsKey(key + "/{id}")) && !queued.Contains(href) && perKey.GetValueOrDefault(key) < PagesPerKey)
                {
                    perKey[key] = perKey.GetValueOrDefault(key) + 1;
                    queued.Add(href);
                    queue.Enqueue(href);
                }
            }
        }
        return pages;
    }

    /// <summary>The app's own links on a page, resolved against it as a browser would.</summary>
    public static IEnumerable<string> Links(string pageUrl, IHtmlDocument document)
    {
        var page = new Uri(new Uri("http://localhost"), pageUrl);
        foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
        {
            if (Uri.TryCreate(page, href, out var link) && link.Host == "localhost" && link.Scheme == "http")
            {
                yield return link.PathAndQuery;
            }
        }
    }

    /// <summary>The kind of page an address is: its path with ids (numbers, GUIDs) and the query left out.</summary>
    public static string Key(string url) =>
        Id().Replace(url.Split('?')[0].Split('#')[0].ToLowerInvariant(), "/{id}");

    /// <summary>The page (view engine path) of each kind of address the access test walks.</summary>
    public static Dictionary<string, string> PagesByKey(AppFactory app) =>
        PageRoutes.Samples(app.Services).GroupBy(e => Key(e.Url)).ToDictionary(g => g.Key, g => g.First().ViewEnginePath);

    /// <summary>Each way of posting on the page: a form with one of its submit buttons, and a name for it (where it posts, which button, which fields).</summary>
    public static IEnumerable<(IHtmlFormElement Form, IHtmlButtonElement? Submit, string Signature)> PostForms(string pageUrl, IHtmlDocument document)
    {
        var page = new Uri(new Uri("http://localhost"), pageUrl);
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                     .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
        {
            var fields = string.Join(",", Fields(form).Select(f => f.Name));
            foreach (var submit in Submitters(form))
            {
                var action = new Uri(page, submit?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction
                    : form.GetAttribute("action") is { Length: > 0 } formActionAttribute ? formActionAttribute : pageUrl);
                var handler = System.Web.HttpUtility.ParseQueryString(action.Query)["handler"];
                yield return (form, submit, $"{Key(action.AbsolutePath)}?handler={handler} {submit?.Name}={submit?.Value} {fields}");
            }
        }
    }

    /// <summary>The page again, and the form of this signature on it, if it is still there.</summary>
    public static async Task<(IHtmlFormElement? Form, IHtmlButtonElement? Submit)> ReloadAsync(HttpClient client, string pageUrl, string signature)
    {
        var response = await client.GetAsync(pageUrl);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (null, null);
        }
        var again = PostForms(pageUrl, await response.ParseAsync()).FirstOrDefault(f => f.Signature == signature);
        return (again.Form, again.Submit);
    }

    /// <summary>The fields a form posts, once per name, with the kind of value they take.</summary>
    public static List<(string Name, string Kind)> Fields(IHtmlFormElement form) =>
        form.Elements.Select(e => e switch
            {
                IHtmlInputElement input when input.Type is not ("submit" or "button" or "image" or "file") =>
                    (input.Name, input.Type is "date" or "time" ? input.Type : "text"),
                IHtmlSelectElement select => (select.Name, "text"),
                IHtmlTextAreaElement textarea => (textarea.Name, "text"),
                _ => (null, ""),
            })
            .Where(f => !string.IsNullOrEmpty(f.Name) && f.Name != "__RequestVerificationToken")
            .Select(f => (f.Name!, f.Item2)).DistinctBy(f => f.Item1).ToList();

    /// <summary>Each way of submitting the form: its buttons that carry a name or their own action, or the form itself.</summary>
    public static List<IHtmlButtonElement?> Submitters(IHtmlFormElement form)
    {
        var buttons = form.Elements.OfType<IHtmlButtonElement>()
            .Where(b => b.Type == "submit" && (!string.IsNullOrEmpty(b.Name) || b.HasAttribute("formaction")))
            .Cast<IHtmlButtonElement?>().ToList();
        return buttons.Count > 0 ? buttons : [null];
    }

    /// <summary>What the page model reads from the query string: SupportsGet properties and the GET handlers' parameters.</summary>
    public static IEnumerable<(string? Handler, string Name)> QueryParameters(string viewEnginePath)
    {
        var model = typeof(Program).Assembly.GetType("LspCapacity.Web.Pages" + viewEnginePath.Replace('/', '.') + "Model");
        if (model is null)
        {
            yield break;
        }
        foreach (var property in model.GetProperties())
        {
            if (property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } bind)
            {
                var name = bind.Name ?? property.Name;
                if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
                {
                    foreach (var inner in property.PropertyType.GetProperties().Where(p => p.CanWrite))
                    {
                        yield return (null, $"{name}.{inner.Name}");
                    }
                }
                yield return (null, name);
            }
        }
        foreach (var method in model.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
        {
            var handler = method.Name["OnGet".Length..].Replace("Async", "", StringComparison.Ordinal);
            foreach (var parameter in method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)))
            {
                yield return (handler.Length == 0 ? null : handler, parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!);
            }
        }
    }

    /// <summary>Every text column holding more than its declared length: accepted on SQLite, a 500 on PostgreSQL.</summary>
    public static Task<List<string>> OverLongValuesStoredAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        var found = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
            {
                var column = property.GetColumnName(table);
                var schema = entity.GetSchema() is { } s ? $"\"{s}\"." : "";
#pragma warning disable EF1002 // names from the model, not from input
                var count = await db.Database.SqlQueryRaw<int>(
                    $"SELECT COUNT(*) AS \"Value\" FROM {schema}\"{table.Name}\" WHERE length(\"{column}\") > {property.GetMaxLength()}").SingleAsync();
#pragma warning restore EF1002
                if (count > 0)
                {
                    found.Add($"{table.Name}.{column}: {count} value(s) longer than {property.GetMaxLength()} characters were saved");
                }
            }
        }
        return found;
    });

    [GeneratedRegex(@"/(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=/|\.|$)")]
    private static partial Regex Id();
}
