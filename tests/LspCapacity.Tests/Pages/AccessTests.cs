using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// Walks every page endpoint the app has: a new page is covered the day it is added, and fails here
/// until the access table (<see cref="PageRoutes.Access"/>) says who may open it.
/// </summary>
public class AccessTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public AccessTests(AppFactory app) => _app = app;

    private IReadOnlyList<(string ViewEnginePath, string Url)> PageEndpoints() => PageRoutes.Samples(_app.Services);

    [Fact]
    public void TheWalkFindsThePages()
    {
        var paths = PageEndpoints().Select(p => p.ViewEnginePath).ToList();
        Assert.Contains("/People/Invite", paths);
        Assert.Contains("/Partnerships/Details", paths);
        Assert.Contains("/Mail/Index", paths);
        Assert.Contains("/Accessibility", paths); // public: PublicPages.All
        Assert.True(paths.Count >= 15, $"Only {paths.Count} pages found");
    }

    /// <summary>
    /// THE access test: every page the app has × every person of <see cref="PageRoutes.People"/>, over
    /// records with one owner each (<see cref="AccessSamples"/>), answers as its row of
    /// <see cref="PageRoutes.Access"/> says. A page without a row, or a row without a page, fails it; so
    /// does a public page not on <see cref="PublicPages.All"/>, and a coordinator area open to staff.
    /// </summary>
    [Fact]
    public async Task EveryPage_ForEveryPerson_AnswersAsTheAccessTableSays()
    {
        var samples = await AccessSamples.CreateAsync(_app);
        var pages = PageRoutes.Walk(_app.Services)
            .Select(p => (p.ViewEnginePath, Url: PageRoutes.Url(p.Template, (segment, name) => samples.TryGetValue(segment, out var value)
                ? value
                : throw new InvalidOperationException($"No sample record for {{{name}}} after /{segment}/ in {p.Template}: add one to {nameof(AccessSamples)}."))
                + samples.GetValueOrDefault(p.ViewEnginePath, "")))
            .ToList();
        var rows = PageRoutes.Access.ToDictionary(r => r.Page);
        var failures = new List<string>();
        failures.AddRange(pages.Select(p => p.ViewEnginePath).Distinct().Where(p => !rows.ContainsKey(p))
            .Select(p => $"{p}: a page with no row in PageRoutes.Access"));
        failures.AddRange(rows.Keys.Except(pages.Select(p => p.ViewEnginePath)).Select(p => $"{p}: a row in PageRoutes.Access for no page"));
        var clients = PageRoutes.People.Select(p => p is null ? _app.CreateAnonymousClient() : _app.CreateClientAs(p)).ToList();
        var actual = new List<string>();
        foreach (var (path, url) in pages)
        {
            var answers = new List<PageRoutes.Answer>();
            foreach (var client in clients)
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    failures.Add($"{url} ({path}) failed with 500");
                }
                answers.Add(AnswerOf(response));
            }
            actual.Add($"        new(\"{path}\",".PadRight(47) + string.Join(", ", answers.Select(a => (a switch
            {
                PageRoutes.Answer.Refused => "No",
                PageRoutes.Answer.BadRequest => "Bad",
                _ => a.ToString(),
            }).PadRight(7))).TrimEnd() + "),");
            if (rows.TryGetValue(path, out var row))
            {
                for (var i = 0; i < answers.Count; i++)
                {
                    if (answers[i] != row.Answers[i])
                    {
                        failures.Add($"{url} ({path}) for {PageRoutes.People[i] ?? "anyone"}: {answers[i]}, the table says {row.Answers[i]}");
                    }
                }
                if (row.Anyone != PageRoutes.Answer.SignIn != PublicPages.All.Contains(path))
                {
                    failures.Add($"{path}: open without sign-in in the table and not on PublicPages.All, or the other way round");
                }
                if (PageRoutes.IsCoordinatorOnly(path) && (row.Birmingham, row.Coventry, row.Mentor) is not (PageRoutes.Answer.Refused, PageRoutes.Answer.Refused, PageRoutes.Answer.Refused))
                {
                    failures.Add($"{path}: a coordinator area (PageRoutes.CoordinatorOnly) the table opens to staff or mentors");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nWhat the pages answered:\n" + string.Join("\n", actual));
    }

    private static PageRoutes.Answer AnswerOf(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => PageRoutes.Answer.Ok,
        HttpStatusCode.Forbidden => PageRoutes.Answer.Refused,
        HttpStatusCode.NotFound => PageRoutes.Answer.Missing,
        HttpStatusCode.BadRequest => PageRoutes.Answer.BadRequest,
        HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.MovedPermanently or HttpStatusCode.SeeOther
            => response.Headers.Location!.ToString().Contains("/account/sign-in", StringComparison.Ordinal) ? PageRoutes.Answer.SignIn : PageRoutes.Answer.Moved,
        var other => throw new InvalidOperationException($"{response.RequestMessage!.RequestUri} answered {(int)other}"),
    };

    [Fact]
    public async Task Forbidden_ShowsThe403PageInTheProductsLook()
    {
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync("/people");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("You do not have permission to see this page", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".govuk-service-navigation"));
    }

    [Fact]
    public async Task UnknownAddress_Shows404Page()
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await response.ParseAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task PostToAHandlerThePageDoesNotHave_Is400_Not500()
    {
        var client = _app.CreateClientAs(Demo.Coordinator);
        var birmingham = await _app.PartnershipIdAsync("Birmingham");
        var response = await client.PostWithTokenAsync($"/partnerships/{birmingham}", $"/partnerships/{birmingham}?handler=Explode");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task JobsDashboard_IsForAdminsOnly()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateAnonymousClient().GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Coordinator).GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.Admin).GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders()
    {
        var response = await _app.CreateAnonymousClient().GetAsync("/account/sign-in");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
