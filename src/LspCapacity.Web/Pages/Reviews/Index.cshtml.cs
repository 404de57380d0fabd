using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>
/// Coordinators: every review in the region, filtered by stage and paged. Everyone else: the reviews
/// they are on the team of, or that review their own partnership.
/// </summary>
[Authorize(Policy = Policies.InARegion)]
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReviewStage? Stage { get; set; }

    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Reviews { get; private set; } = default!;
    public IReadOnlyDictionary<ReviewStage, int> Counts { get; private set; } = new Dictionary<ReviewStage, int>();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData.SetSection(SiteSection.Reviews);
        var regionId = me.RequiredRegionId;
        var personId = me.RequiredId;
        var partnershipId = me.PartnershipId;
        var query = db.PeerReviews.AsNoTracking().Where(r => r.RegionId == regionId);
        if (!me.IsCoordinator)
        {
            query = query.Where(ReviewRule.HasParty(personId, partnershipId));
        }
        Counts = await query.GroupBy(r => r.Stage).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        if (Stage is not null)
        {
            query = query.Where(r => r.Stage == Stage);
        }
        Reviews = await query.OrderBy(r => r.Stage == ReviewStage.Closed).ThenBy(r => r.OnSiteStartsOn).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, db.Partnerships.Where(p => p.Id == r.HostPartnershipId).Select(p => p.Name).First(), r.Stage,
                r.OnSiteStartsOn, r.OnSiteEndsOn,
                r.Team.Where(m => m.Role == TeamRole.Lead).Join(db.Users, m => m.PersonId, u => u.Id, (m, u) => u.DisplayName).FirstOrDefault(),
                r.Team.Count(),
                r.HostPartnershipId == partnershipId,
                r.Team.Where(m => m.PersonId == personId).Select(m => (TeamRole?)m.Role).FirstOrDefault()))
            .ToPagedAsync(PageNumber, PagingExtensions.DefaultPageSize, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Reviews/Index", new { stage = Stage })!.WithPageNumber(page);

    public sealed record Row(int Id, string Host, ReviewStage Stage, DateOnly OnSiteStartsOn, DateOnly OnSiteEndsOn, string? Lead, int TeamSize,
        bool IsMyPartnership, TeamRole? MyRole);
}
