using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.Placements;

/// <summary>
/// Coordinators: the request queue, every placement (filtered, paged) and mentor load. Everyone else:
/// their own placements and requests.
/// </summary>
[Authorize(Policy = Policies.InARegion)]
public class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock, IOptions<Jobs.PlacementOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public PlacementKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public PlacementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Partnership { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public bool Quiet { get; set; }

    /// <summary>Only placements that have not started yet.</summary>
    [BindProperty(SupportsGet = true)] public bool Planned { get; set; }
    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Placements { get; private set; } = default!;
    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];
    public IReadOnlyList<MentorLoad> Load { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public int QuietDays => options.Value.QuietDays;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData.SetSection(SiteSection.Placements);
        var regionId = me.RequiredRegionId;
        var today = UkTime.Today(clock);
        var quietSince = today.AddDays(-QuietDays);
        var personId = me.RequiredId;
        var query = db.Placements.AsNoTracking().Where(p => p.RegionId == regionId);
        var requests = db.SupportRequests.AsNoTracking().Where(r => r.RegionId == regionId);
        if (!me.IsCoordinator)
        {
            query = query.Where(PlacementRule.HasMember(personId));
            requests = requests.Where(PlacementRule.RequestedBy(personId));
        }
        else
        {
            requests = requests.Where(r => r.Status == RequestStatus.Open);
            Partnerships = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId).OrderBy(p => p.Name)
                .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
            Themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync(cancellationToken);
            Load = await db.MentorProfiles.AsNoTracking().Where(m => m.RegionId == regionId)
                .Join(db.Users, m => m.PersonId, u => u.Id, (m, u) => new { m, u })
                .OrderBy(x => x.u.DisplayName)
                .Select(x => new MentorLoad(x.u.DisplayName, x.m.Capacity,
                    db.Placements.Count(p => p.MentorId == x.u.Id && p.Status == PlacementStatus.Active)))
                .ToListAsync(cancellationToken);
        }
        if (Kind is not null) query = query.Where(p => p.Kind == Kind);
        if (Status is not null) query = query.Where(p => p.Status == Status);
        // Active means started: a placement confirmed for a later date is planned (as on the dashboard).
        if (Status == PlacementStatus.Active) query = query.Where(p => p.StartsOn <= today);
        if (Planned) query = query.Where(p => p.Status == PlacementStatus.Active && p.StartsOn > today);
        if (Partnership is not null) query = query.Where(p => p.MenteePartnershipId == Partnership);
        if (Theme is { } themeId) query = query.Where(p => p.Themes.Any(t => t.ThemeId == themeId));
        if (Quiet)
        {
            query = query.Where(p => p.Status == PlacementStatus.Active && (p.LastSessionOn ?? p.StartsOn) <= quietSince);
        }
        Placements = await query.OrderBy(p => p.Status).ThenByDescending(p => p.StartsOn).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Kind, p.Status,
                db.Users.Where(u => u.Id == p.MentorId).Select(u => u.DisplayName).First(),
                db.Users.Where(u => u.Id == p.MenteeId).Select(u => u.DisplayName).First(),
                db.Partnerships.Where(x => x.Id == p.MenteePartnershipId).Select(x => x.Name).First(),
                p.StartsOn, p.EndsOn, p.LastSessionOn,
                p.Status == PlacementStatus.Active && (p.LastSessionOn ?? p.StartsOn) <= quietSince))
            .ToPagedAsync(PageNumber, 25, cancellationToken);
        Requests = await requests.OrderBy(r => r.CreatedAt)
            .Select(r => new RequestRow(r.Id, r.Kind, r.Status, r.CreatedAt,
                db.Users.Where(u => u.Id == r.RequesterId).Select(u => u.DisplayName).First(),
                db.Partnerships.Where(x => x.Id == r.PartnershipId).Select(x => x.Name).First(), r.PlacementId))
            .ToListAsync(cancellationToken);
        Today = today;
        return Page();
    }

    public DateOnly Today { get; private set; }

    public string PageUrl(int page) =>
        Url.Page("/Placements/Index", new
        {
            kind = Kind, status = Status, partnership = Partnership, theme = Theme,
            quiet = Quiet ? "true" : null, planned = Planned ? "true" : null,
        })!.WithPageNumber(page);

    public sealed record Row(int Id, PlacementKind Kind, PlacementStatus Status, string Mentor, string Mentee, string Partnership,
        DateOnly StartsOn, DateOnly EndsOn, DateOnly? LastSessionOn, bool GoneQuiet);

    public sealed record RequestRow(int Id, PlacementKind Kind, RequestStatus Status, DateTime CreatedAt, string Requester, string Partnership, int? PlacementId);

    public sealed record MentorLoad(string Name, int Capacity, int Active);
}
