using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LspCapacity.Web.Infrastructure;

/// <summary>The part of the service a page belongs to: the layout highlights its navigation item.</summary>
public enum SiteSection
{
    Home,
    Account,
    Activities,
    MyBookings,
    Needs,
    Placements,
    Reviews,
    Library,
    Partnerships,
    Projects,
    Proposals,
    Dashboard,
    People,
    Outbox,
    Board,
    Providers,
    Admin,
    National,
    Brokerage,
}

/// <summary>Sets and reads a page's <see cref="SiteSection"/>; pages set it in their handler (or view), the layout reads it.</summary>
public static class SiteSections
{
    private const string Key = "Section";

    public static void SetSection(this ViewDataDictionary viewData, SiteSection section) => viewData[Key] = section;

    public static SiteSection? Section(this ViewDataDictionary viewData) => viewData[Key] as SiteSection?;
}

/// <summary>A link of a section's sub-navigation.</summary>
public sealed record NavLink(string Label, string Href);

/// <summary>
/// A top-level item of the service navigation: its landing page, the page sections (<see cref="SiteSection"/>)
/// it holds, so the right item is highlighted, and the section's other pages, shown as a sub-navigation on
/// every page of the section (plain links: everything is reachable without JavaScript).
/// </summary>
public sealed record NavSection(string Label, string Href, IReadOnlyList<SiteSection> Holds, IReadOnlyList<NavLink> Links);

/// <summary>
/// The service navigation, grouped so it stays on one row at desktop widths (it wrapped onto two with a
/// top-level item per page family). Home is the service name; "Your account" is in the account bar.
/// </summary>
public static class Navigation
{
    // The address of a page without route values is the same on every request (for a given path base):
    // routed once, not twenty times on every page the layout renders.
    private static readonly ConcurrentDictionary<(string PathBase, string Page), string> Addresses = new();

    /// <summary>The address of a page that takes no route values (Url.Page, remembered).</summary>
    public static string Address(IUrlHelper url, string page) =>
        Addresses.GetOrAdd((url.ActionContext.HttpContext.Request.PathBase.Value ?? "", page),
            static (key, url) => url.Page(key.Page) ?? throw new InvalidOperationException($"No route to {key.Page}."), url);

    private static readonly ConcurrentDictionary<(string PathBase, string Page, string Name, string Value), string> FixedAddresses = new();

    /// <summary>
    /// The address of a page with one route value fixed in the view (a filter link such as status=Active, a CSV's table),
    /// remembered as <see cref="Address(IUrlHelper, string)"/> is. Only for values written in the code, never for ones from a
    /// request or the data: each is kept for the life of the app.
    /// </summary>
    public static string Address(IUrlHelper url, string page, string name, string value) =>
        FixedAddresses.GetOrAdd((url.ActionContext.HttpContext.Request.PathBase.Value ?? "", page, name, value),
            static (key, url) => url.Page(key.Page, new RouteValueDictionary { [key.Name] = key.Value })
                ?? throw new InvalidOperationException($"No route to {key.Page} with {key.Name}={key.Value}."), url);

    /// <summary>
    /// The address of a page whose one route value is its <c>id</c>, for the many ids of a list's rows: routed once with a
    /// stand-in id, which each row's id replaces (routing afresh for every row was a large share of a list's time).
    /// </summary>
    public static Func<int, string> AddressById(IUrlHelper url, string page)
    {
        const int standIn = int.MaxValue;
        var marker = standIn.ToString(CultureInfo.InvariantCulture);
        var routed = url.Page(page, new { id = standIn }) ?? throw new InvalidOperationException($"No route to {page}.");
        var at = routed.LastIndexOf(marker, StringComparison.Ordinal);
        var (before, after) = (routed[..at], routed[(at + marker.Length)..]);
        return id => string.Concat(before, id.ToString(CultureInfo.InvariantCulture), after);
    }

    public static IReadOnlyList<NavSection> For(CurrentUser me, IUrlHelper url)
    {
        string Page(string page) => Address(url, page);
        var activities = Page("/Activities/Index");
        var dashboard = Page("/Dashboard/Index");
        var partnerships = Page("/Partnerships/Index");
        if (me.IsProviderContact)
        {
            // A provider contact works on their own organisation's page; the region's pages are not theirs.
            var own = me.OrganisationId is { } organisationId
                ? new List<NavSection> { new("Your organisation", url.Page("/Providers/Details", new { id = organisationId })!, [SiteSection.Providers], []) }
                : [];
            own.Add(new("Library", Page("/Library/Index"), [SiteSection.Library], []));
            return own;
        }
        var sections = new List<NavSection>
        {
            new("Activities", activities, [SiteSection.Activities, SiteSection.MyBookings],
                [new("All activities", activities), new("My bookings", Page("/My/Bookings"))]),
            new("Needs analysis", Page("/Needs/Surveys/Index"), [SiteSection.Needs], []),
            new("Mentoring", Page("/Placements/Index"), [SiteSection.Placements], []),
            new("Peer reviews", Page("/Reviews/Index"), [SiteSection.Reviews], []),
            me.IsLspStaff
                ? new("Projects", Page("/Projects/Index"), [SiteSection.Projects, SiteSection.Brokerage],
                    [new("Projects", Page("/Projects/Index")), new("Brokerage requests", Page("/Brokerage/Index"))])
                : new("Projects", Page("/Projects/Index"), [SiteSection.Projects], []),
            new("Library", Page("/Library/Index"), [SiteSection.Library], []),
            // The provider register sits with the partnerships (who supplies support beside who receives it),
            // so the navigation stays on one row.
            ReadsProviderRegister(me)
                ? new("Partnerships", partnerships, [SiteSection.Partnerships, SiteSection.Providers],
                    [new("Partnerships", partnerships), new("Provider register", Page("/Providers/Index"))])
                : new("Partnerships", partnerships, [SiteSection.Partnerships], []),
        };
        // Coordinators and admins, whose header is full, find proposals and the board under Programme.
        if (me.IsLspStaff && !me.IsCoordinator)
        {
            // Practitioners propose and endorse; the board (coordinators and practitioner members) decides: one
            // section, so the header stays on one row.
            var proposals = Page("/Proposals/Index");
            var links = new List<NavLink> { new("Proposals", proposals), new("Programme plan", Page("/Plan/Index")) };
            if (me.IsCoordinator || me.IsBoardMember)
            {
                links.Add(new("Board meetings", Page("/Board/Index")));
                links.Add(new("Decision log", Page("/Board/Decisions")));
            }
            if (me.IsCoordinator)
            {
                links.Add(new("Board members", Page("/Board/Members")));
            }
            sections.Insert(sections.FindIndex(s => s.Label == "Projects") + 1,
                new("Proposals", proposals, [SiteSection.Proposals, SiteSection.Board], links));
        }
        // Staff and brokers: a section of its own. Coordinators find brokerage under Programme (header on one row).
        if (me.IsBroker)
        {
            var brokerage = Page("/Brokerage/Index");
            List<NavLink> links = me.IsBroker
                ? [new("Requests", brokerage), new("Declared interests", Page("/Brokerage/Interests")), new("Needs coverage", Page("/Needs/Coverage"))]
                : [];
            var after = sections.FindLastIndex(s => s.Label is "Projects" or "Proposals");
            sections.Insert(after >= 0 ? after + 1 : Math.Min(5, sections.Count), new("Brokerage", brokerage, [SiteSection.Brokerage], links));
        }
        if (me.IsCoordinator)
        {
            var programme = new List<NavLink>
            {
                new("Dashboard", dashboard), new("Needs coverage", Page("/Needs/Coverage")), new("Brokerage", Page("/Brokerage/Index")),
                new("People", Page("/People/Index")), new("Email", Page("/Mail/Index")),
            };
            programme.Add(new("Programme years", Page("/Admin/Programmes")));
            programme.Insert(2, new("Proposals and board", Page("/Proposals/Index")));
            if (me.IsAdmin)
            {
                programme.Add(new("Regions", Page("/Admin/Regions")));
                programme.Add(new("Themes", Page("/Admin/Themes")));
                programme.Add(new("Compare regions", Page("/National/Regions")));
                programme.Add(new("Jobs", Routes.Jobs));
            }
            SiteSection[] programmeSections = [SiteSection.Dashboard, SiteSection.People, SiteSection.Outbox, SiteSection.Admin, SiteSection.National, SiteSection.Brokerage];
            sections.Add(new("Programme", dashboard, [.. programmeSections, SiteSection.Proposals, SiteSection.Board], programme));
        }
        else if (me.IsNational)
        {
            // The national team reads every region's figures and nothing else: theirs is one section.
            var compare = Page("/National/Regions");
            return
            [
                new("Regions", compare, [SiteSection.National, SiteSection.Dashboard, SiteSection.Needs],
                    [new("Compare regions", compare), new("Dashboard", dashboard), new("Needs coverage", Page("/Needs/Coverage"))]),
                new("Library", Page("/Library/Index"), [SiteSection.Library], []),
            ];
        }
        return sections;
    }

    /// <summary>The people <see cref="Policies.ProviderRegister"/> lets read the register.</summary>
    private static bool ReadsProviderRegister(CurrentUser me) =>
        me.IsCoordinator || me.IsLspStaff || me.Principal.IsInRole(Domain.Accounts.Roles.Broker);

    /// <summary>The section's link for this address: the longest one it starts with (an activity's page is under "All activities").</summary>
    public static NavLink? CurrentLink(NavSection section, string path) =>
        section.Links
            .Where(l => path.Equals(l.Href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(l.Href + "/", StringComparison.OrdinalIgnoreCase))
            .MaxBy(l => l.Href.Length);
}
