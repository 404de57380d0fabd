using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Needs.Surveys;

/// <summary>The region's needs-analysis surveys, with how many partnerships have answered; for staff, their partnership's status.</summary>
[Authorize(Policy = Policies.InARegion)]
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<Row> Surveys { get; private set; } = [];
    public int Partnerships { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Needs);
        var regionId = me.RequiredRegionId;
        Partnerships = await db.Partnerships.AsNoTracking().CountAsync(p => p.RegionId == regionId && p.IsActive, cancellationToken);
        var partnershipId = me.PartnershipId;
        var query = db.Surveys.AsNoTracking().Where(s => s.RegionId == regionId);
        if (!me.IsCoordinator)
        {
            query = query.Where(s => s.Status != SurveyStatus.Draft);
        }
        Surveys = await query.OrderByDescending(s => s.CreatedAt)
            .Select(s => new Row(s.Id, s.Title, s.Round, s.Status, s.OpensAt, s.ClosesAt,
                db.SurveyResponses.Count(r => r.SurveyId == s.Id && r.Status == ResponseStatus.Submitted),
                partnershipId == null ? null : db.SurveyResponses.Where(r => r.SurveyId == s.Id && r.PartnershipId == partnershipId)
                    .Select(r => (ResponseStatus?)r.Status).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Row(int Id, string Title, SurveyRound Round, SurveyStatus Status, DateTime? OpensAt, DateTime? ClosesAt,
        int Submitted, ResponseStatus? Mine);
}
