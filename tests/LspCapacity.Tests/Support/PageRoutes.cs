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
        "/Dashboard/", "/Needs/Coverage", "/Board/Create", "/Board/Agenda",
        "/Placements/Create", "/Library/Moderation", "/Reviews/Create", "/Projects/Decide", "/Providers/Create",
        "/Dashboard/", "/Needs/Coverage",
        "/Dashboard/", "/Needs/Coverage", "/Admin/", "/National/",
    ];

    public static bool IsCoordinatorOnly(string viewEnginePath) =>
        CoordinatorOnly.Any(c => viewEnginePath.StartsWith(c, StringComparison.Ordinal));

    /// <summary>What a person gets when they open a page: the page, a refusal, "no such record", or sent elsewhere.</summary>
    public enum Answer
    {
        /// <summary>200: the page.</summary>
        Ok,
        /// <summary>A redirect to the sign-in page.</summary>
        SignIn,
        /// <summary>A redirect anywhere else (e.g. a signed-in person asking for the sign-in page).</summary>
        Moved,
        /// <summary>403: refused.</summary>
        Refused,
        /// <summary>404: the page says no such record, because there is none or because its existence is hidden from this person.</summary>
        Missing,
        /// <summary>400: the request is incomplete (a link's token is missing).</summary>
        BadRequest,
    }

    /// <summary>
    /// The people of the access table's columns. The records opened (<see cref="AccessSamples"/>) are all
    /// in the West Midlands: Birmingham's (its placement, its support request, its draft case study, its
    /// attended booking, its survey response), a peer review of Coventry led by the mentor, and Coventry's
    /// digest subscription. The North West's coordinator is a coordinator of another region.
    /// </summary>
    public static readonly IReadOnlyList<string?> People =
        [null, Demo.StaffBirmingham, Demo.StaffCoventry, Demo.Mentor, Demo.Coordinator, TestData.OtherCoordinator, Demo.Admin];

    public sealed record Row(string Page, Answer Anyone, Answer Birmingham, Answer Coventry, Answer Mentor, Answer Coordinator,
        Answer OtherRegionCoordinator, Answer Admin)
    {
        public IReadOnlyList<Answer> Answers => [Anyone, Birmingham, Coventry, Mentor, Coordinator, OtherRegionCoordinator, Admin];
    }

    private const Answer Ok = Answer.Ok, SignIn = Answer.SignIn, Moved = Answer.Moved, No = Answer.Refused, Missing = Answer.Missing;

    /// <summary>
    /// Who may open which page: one row per page (by view path), one column per person of <see cref="People"/>,
    /// over the records of <see cref="AccessSamples"/>. A new page fails the access test until it has its row.
    /// </summary>
    public static readonly IReadOnlyList<Row> Access =
    [
        //  page                                 anyone   B'ham    C'try    mentor   coord.   NW co.   admin
        new("/Accessibility",                  Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Account/ChangePassword",         SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Account/ChooseNewPassword",      Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Account/Invitation",             Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Account/MyData",                 SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Account/Profile",                SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Account/ResetPassword",          Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Account/SignIn",                 Ok,      Moved,   Moved,   Moved,   Moved,   Moved,   Moved),
        new("/Account/SignOut",                SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Activities/Contributors",        SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Activities/Create",              SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Activities/Details",             SignIn,  Ok,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Activities/Edit",                SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Activities/Export",              SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Activities/Feedback",            SignIn,  Ok,      No,      No,      No,      No,      No),
        new("/Activities/Index",               SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Activities/Manage",              SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Activities/National",            SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Activities/SignInSheet",         SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Brokerage/FairShares",           SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Board/Agenda",                   SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Board/Create",                   SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Board/Decisions",                SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Board/Index",                    SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Board/Meeting",                  SignIn,  Ok,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Board/Members",                  SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Admin/Audit",                    SignIn,  No,      No,      No,      No,      No,      Ok),
        new("/Admin/NewProgramme",             SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Admin/Programme",                SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Admin/Programmes",               SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Admin/Region",                   SignIn,  No,      No,      No,      No,      No,      Ok),
        new("/Admin/Regions",                  SignIn,  No,      No,      No,      No,      No,      Ok),
        new("/Admin/Theme",                    SignIn,  No,      No,      No,      No,      No,      Ok),
        new("/Admin/Themes",                   SignIn,  No,      No,      No,      No,      No,      Ok),
        new("/Brokerage/Deliver",              SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Brokerage/Details",              SignIn,  Ok,      No,      No,      Ok,      No,      Ok),
        new("/Brokerage/Index",                SignIn,  Ok,      Ok,      No,      Ok,      Ok,      Ok),
        new("/Brokerage/Interests",            SignIn,  No,      No,      No,      No,      No,      No),
        new("/Brokerage/New",                  SignIn,  Ok,      Ok,      No,      No,      No,      No),
        new("/Brokerage/Rate",                 SignIn,  Ok,      No,      No,      No,      No,      No),
        new("/Brokerage/Recommend",            SignIn,  No,      No,      No,      No,      No,      Ok),
        new("/Dashboard/Distance",             SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Dashboard/Export",               SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Dashboard/Index",                SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Dashboard/Participation",        SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Dashboard/Projects",             SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Dashboard/Report",               SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Dashboard/Value",                SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Errors/Status",                  Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Index",                          Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Library/Details",                Missing, Ok,      Missing, Missing, Ok,      Missing, Ok),
        new("/Library/Feed",                   Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Library/Follow",                 SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Library/Index",                  Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Library/Mine",                   SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Library/Moderation",             SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Library/Result",                 Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Library/Unsubscribe",            Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Library/Write",                  SignIn,  Ok,      No,      No,      No,      No,      No),
        new("/Mail/Index",                     SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Mentors/Index",                  SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Mentors/Profile",                SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/My/BookingProject",              SignIn,  Ok,      No,      No,      No,      No,      No),
        new("/My/Bookings",                    SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/My/Calendar",                    Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/National/Regions",               SignIn,  No,      No,      No,      No,      No,      Ok),
        new("/Needs/Coverage",                 SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Needs/Surveys/Create",           SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Needs/Surveys/Details",          SignIn,  Ok,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Needs/Surveys/Export",           SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Needs/Surveys/Index",            SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Needs/Surveys/Question",         SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Needs/Surveys/Response",         SignIn,  Ok,      Ok,      No,      No,      No,      No),
        new("/Needs/Surveys/Results",          SignIn,  Ok,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Partnerships/Create",            SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Partnerships/Details",           SignIn,  Ok,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Partnerships/Edit",              SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Partnerships/Index",             SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/People/Details",                 SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/People/Erase",                   SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/People/Index",                   SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/People/Invite",                  SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Placements/Create",              SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Placements/Details",             SignIn,  Ok,      No,      Ok,      Ok,      No,      Ok),
        new("/Placements/Index",               SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Placements/Request",             SignIn,  Ok,      Ok,      No,      No,      No,      No),
        new("/Placements/RequestDetails",      SignIn,  Ok,      No,      No,      Ok,      No,      Ok),
        new("/Privacy",                        Ok,      Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Projects/Close",                 SignIn,  Ok,      No,      No,      No,      No,      No),
        new("/Projects/Create",                SignIn,  Ok,      Ok,      No,      No,      No,      No),
        new("/Projects/Decide",                SignIn,  No,      No,      No,      Ok,      No,      Ok),
        new("/Projects/Details",               SignIn,  Ok,      No,      No,      Ok,      No,      Ok),
        new("/Projects/Edit",                  SignIn,  Ok,      No,      No,      No,      No,      Ok),
        new("/Projects/Index",                 SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Projects/Update",                SignIn,  Ok,      No,      No,      No,      No,      No),
        new("/Proposals/Create",               SignIn,  Ok,      Ok,      No,      No,      No,      No),
        new("/Proposals/Details",              SignIn,  Ok,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Proposals/Edit",                 SignIn,  Ok,      No,      No,      Ok,      No,      Ok),
        new("/Plan/Index",                     SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Proposals/Index",                SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        // The provider register is national: every region's coordinators run it; LSP staff read it; mentors do not.
        new("/Providers/Contacts",             SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Providers/Create",               SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Providers/Details",              SignIn,  Ok,      Ok,      No,      Ok,      Ok,      Ok),
        new("/Providers/Edit",                 SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Providers/Index",                SignIn,  Ok,      Ok,      No,      Ok,      Ok,      Ok),
        new("/Providers/OfferCreate",          SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Providers/OfferDetails",         SignIn,  Ok,      Ok,      No,      Ok,      Ok,      Ok),
        new("/Providers/OfferEdit",            SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Reviews/Action",                 SignIn,  No,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Reviews/Actions",                SignIn,  No,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Reviews/Create",                 SignIn,  No,      No,      No,      Ok,      Ok,      Ok),
        new("/Reviews/Details",                SignIn,  No,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Reviews/Findings",               SignIn,  No,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Reviews/Index",                  SignIn,  Ok,      Ok,      Ok,      Ok,      Ok,      Ok),
        new("/Reviews/Report",                 SignIn,  No,      Ok,      Ok,      Ok,      No,      Ok),
        new("/Reviews/SelfAssessment",         SignIn,  No,      Ok,      Ok,      Ok,      No,      Ok),
    ];

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
