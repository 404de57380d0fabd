namespace LspCapacity.Web.Infrastructure;

/// <summary>A link of a section's sub-navigation.</summary>
public sealed record NavLink(string Label, string Href);

/// <summary>
/// A top-level item of the service navigation: its landing page, the page sections (ViewData["Section"])
/// it holds, so the right item is highlighted, and the section's other pages, shown as a sub-navigation on
/// every page of the section (plain links: everything is reachable without JavaScript).
/// </summary>
public sealed record NavSection(string Label, string Href, IReadOnlyList<string> Holds, IReadOnlyList<NavLink> Links);

/// <summary>
/// The service navigation, grouped so it stays on one row at desktop widths (it wrapped onto two with a
/// top-level item per page family). Home is the service name; "Your account" is in the account bar.
/// </summary>
public static class Navigation
{
    public static IReadOnlyList<NavSection> For(CurrentUser me)
    {
        var sections = new List<NavSection>
        {
            new("Activities", "/activities", ["activities", "my"], [new("All activities", "/activities"), new("My bookings", "/my/bookings")]),
            new("Needs analysis", "/needs/surveys", ["needs"], []),
            new("Mentoring", "/placements", ["placements"], []),
            new("Peer reviews", "/reviews", ["reviews"], []),
            new("Projects", "/projects", ["projects"], []),
            new("Library", "/library", ["library"], []),
            new("Partnerships", "/partnerships", ["partnerships"], []),
        };
        if (me.IsCoordinator)
        {
            var programme = new List<NavLink>
            {
                new("Dashboard", "/dashboard"), new("Needs coverage", "/needs/coverage"), new("People", "/people"), new("Email", "/outbox"),
            };
            if (me.IsAdmin)
            {
                programme.Add(new("Jobs", "/jobs"));
            }
            sections.Add(new("Programme", "/dashboard", ["dashboard", "people", "outbox"], programme));
        }
        return sections;
    }

    /// <summary>The section's link for this address: the longest one it starts with (an activity's page is under "All activities").</summary>
    public static NavLink? CurrentLink(NavSection section, string path) =>
        section.Links
            .Where(l => path.Equals(l.Href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(l.Href + "/", StringComparison.OrdinalIgnoreCase))
            .MaxBy(l => l.Href.Length);
}
