using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Partnerships;

/// <summary>One LSP's profile. Later modules add its needs and participation here.</summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public View Partnership { get; private set; } = default!;
    public IReadOnlyList<Link> Districts { get; private set; } = [];
    public IReadOnlyList<Person> Staff { get; private set; } = [];

    /// <summary>The partnership's needs from its latest submitted survey: only its own staff and coordinators see them.</summary>
    public NeedsProfile? Needs { get; private set; }

    /// <summary>Mentoring, coaching, shadowing and secondments of the partnership's staff, rolled up by theme.</summary>
    public IReadOnlyList<PlacementRollup> Placements { get; private set; } = [];

    /// <summary>The partnership's published case studies in the good-practice library.</summary>
    public IReadOnlyList<Link> CaseStudies { get; private set; } = [];
    public IReadOnlyList<string> CaseStudySlugs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData["Section"] = "partnerships";
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new View(p.Id, p.RegionId, p.Region!.Name, p.Name, p.AreaType, p.ReceivesNrf, p.IsActive,
                p.CountyId, p.County == null ? null : p.County.Name))
            .SingleOrDefaultAsync(cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }
        if (!me.CanSeeRegion(partnership.RegionId))
        {
            return Forbid();
        }
        Partnership = partnership;
        Districts = await db.Partnerships.AsNoTracking().Where(p => p.CountyId == id && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new Link(p.Id, p.Name)).ToListAsync(cancellationToken);
        var caseStudies = await db.CaseStudies.AsNoTracking()
            .Where(c => c.PartnershipId == id && c.Status == Domain.Library.CaseStudyStatus.Published)
            .OrderByDescending(c => c.PublishedAt).Select(c => new { c.Id, c.Title, c.Slug }).ToListAsync(cancellationToken);
        CaseStudies = caseStudies.Select(c => new Link(c.Id, c.Title)).ToList();
        CaseStudySlugs = caseStudies.Select(c => c.Slug).ToList();
        Staff = await db.Users.AsNoTracking().Where(u => u.PartnershipId == id && u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName, u.Organisation, u.Role)).ToListAsync(cancellationToken);
        if (me.IsCoordinator || me.PartnershipId == id)
        {
            var today = UkTime.Today(clock);
            var placements = await db.Placements.AsNoTracking().Where(p => p.MenteePartnershipId == id)
                .SelectMany(p => p.Themes, (p, t) => new
                {
                    t.ThemeId,
                    p.Status,
                    Started = p.StartsOn <= today,
                    Minutes = p.Sessions.Sum(s => (int?)s.DurationMinutes) ?? 0,
                    GoalsMet = p.Outcomes.Average(o => (double?)o.GoalsMet),
                })
                .Join(db.Themes, x => x.ThemeId, t => t.Id, (x, t) => new { t.Name, t.Position, x.Status, x.Started, x.Minutes, x.GoalsMet })
                .ToListAsync(cancellationToken);
            Placements = placements.GroupBy(x => (x.Name, x.Position)).OrderBy(g => g.Key.Position)
                .Select(g =>
                {
                    var met = g.Where(x => x.GoalsMet != null).Select(x => x.GoalsMet!.Value).ToList();
                    return new PlacementRollup(g.Key.Name, g.Count(), g.Count(x => x.Status == Domain.Placements.PlacementStatus.Active && x.Started),
                        g.Sum(x => x.Minutes) / 60.0, met.Count == 0 ? null : met.Average());
                })
                .ToList();
            var latest = await db.SurveyResponses.AsNoTracking()
                .Where(r => r.PartnershipId == id && r.Status == Domain.Needs.ResponseStatus.Submitted)
                .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.SurveyId)
                .Join(db.Surveys, r => r.SurveyId, s => s.Id, (r, s) => new { s.Id, s.Title, r.SubmittedAt, s.BaselineSurveyId })
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null)
            {
                var means = await LspCapacity.Web.Pages.Needs.NeedsQueries.CompareWithBaselineAsync(db, latest.Id, latest.BaselineSurveyId, id, cancellationToken);
                var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
                Needs = new NeedsProfile(latest.Id, latest.Title, latest.SubmittedAt!.Value, latest.BaselineSurveyId is not null,
                    themes.Join(means, t => t.Id, m => m.ThemeId, (t, m) => new ThemeNeed(t.Name, m.Mean, m.Level, m.Travelled))
                        .OrderByDescending(x => x.Level).ThenBy(x => x.Mean).ToList());
            }
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, p => p.Deactivate(), "partnership.deactivated", "deactivated", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, p => p.Reactivate(), "partnership.reactivated", "reactivated", cancellationToken);

    private async Task<IActionResult> ChangeStatusAsync(int id, Action<Partnership> change, string action, string done, CancellationToken cancellationToken)
    {
        if (!me.IsCoordinator)
        {
            return Forbid();
        }
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }
        if (!me.CanSeeRegion(partnership.RegionId))
        {
            return Forbid();
        }
        change(partnership);
        db.Audit(me.Id, action, partnership);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{partnership.Name} has been {done}.";
        return Redirect($"/partnerships/{id}");
    }

    public sealed record View(int Id, int RegionId, string RegionName, string Name, AreaType AreaType, bool ReceivesNrf, bool IsActive, int? CountyId, string? County);
    public sealed record Link(int Id, string Name);
    public sealed record PlacementRollup(string Theme, int Placements, int Active, double Hours, double? GoalsMet);
    public sealed record NeedsProfile(int SurveyId, string SurveyTitle, DateTime SubmittedAt, bool IsFollowUp, IReadOnlyList<ThemeNeed> Themes);

    /// <summary>A theme's need; <paramref name="Travelled"/> is the change in mean capacity since the baseline round.</summary>
    public sealed record ThemeNeed(string Theme, double Mean, Domain.Needs.NeedLevel Level, double? Travelled);
    public sealed record Person(string Id, string Name, string? Organisation, string Role);
}
