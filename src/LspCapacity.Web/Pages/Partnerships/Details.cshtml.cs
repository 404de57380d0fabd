using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Partnerships;

/// <summary>
/// One LSP's profile: the coordinator's one-page view of a partnership. Its own staff and the region's
/// coordinators also see its needs, its placements, the activities its people attended and the peer reviews
/// it hosted or joined.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
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

    /// <summary>The most recent activities its people attended, newest first (at most <see cref="ActivitiesShown"/>).</summary>
    public IReadOnlyList<AttendedActivity> Attended { get; private set; } = [];
    public int AttendedCount { get; private set; }
    public const int ActivitiesShown = 20;

    /// <summary>Activities the partnership co-delivered, hosted or presented at, newest first (at most <see cref="ActivitiesShown"/>).</summary>
    public IReadOnlyList<Contribution> Contributions { get; private set; } = [];
    public int ContributionCount { get; private set; }

    /// <summary>Peer reviews of the partnership, and those whose team its people joined.</summary>
    public IReadOnlyList<ReviewTaken> Reviews { get; private set; } = [];

    /// <summary>The partnership's improvement projects, open ones first: its staff and the region's coordinators see them.</summary>
    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Partnerships);
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new View(p.Id, p.RegionId, p.Region!.Name, p.Name, p.AreaType, p.ReceivesNrf, p.IsActive,
                p.CountyId, p.County == null ? null : p.County.Name, p.MergedIntoId,
                db.Partnerships.Where(s => s.Id == p.MergedIntoId).Select(s => s.Name).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new PartnershipRecord(partnership.Id, partnership.RegionId), Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Partnership = partnership;
        // A partnership merged into this one: its history (bookings, placements, reviews, projects, case studies,
        // survey answers) keeps its own id and is shown here, under the survivor.
        Merged = await db.Partnerships.AsNoTracking().Where(p => p.MergedIntoId == id).OrderBy(p => p.Name)
            .Select(p => new Link(p.Id, p.Name)).ToListAsync(cancellationToken);
        var ids = Merged.Select(m => m.Id).Append(id).ToList();
        if (partnership.IsActive && (await authorization.AuthorizeAsync(User, new PartnershipRecord(id, partnership.RegionId), Operations.Manage)).Succeeded)
        {
            MergeChoices = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == partnership.RegionId && p.IsActive && p.Id != id)
                .OrderBy(p => p.Name).Select(p => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
        }
        Districts = await db.Partnerships.AsNoTracking().Where(p => p.CountyId == id && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new Link(p.Id, p.Name)).ToListAsync(cancellationToken);
        var caseStudies = await db.CaseStudies.AsNoTracking()
            .Where(c => c.PartnershipId != null && ids.Contains(c.PartnershipId.Value) && c.Status == Domain.Library.CaseStudyStatus.Published)
            .OrderByDescending(c => c.PublishedAt).Select(c => new { c.Id, c.Title, c.Slug }).ToListAsync(cancellationToken);
        CaseStudies = caseStudies.Select(c => new Link(c.Id, c.Title)).ToList();
        CaseStudySlugs = caseStudies.Select(c => c.Slug).ToList();
        // Published, completed and national activities only: a draft is the coordinators' until it is published.
        var contributions = db.ActivityContributors.AsNoTracking().Where(c => c.PartnershipId == id)
            .Join(db.Activities.Where(a => a.Status == Domain.Activities.ActivityStatus.Published || a.Status == Domain.Activities.ActivityStatus.Completed),
                c => c.ActivityId, a => a.Id, (c, a) => new { a.Id, a.Title, a.StartsAt, a.IsNational, c.Role, c.Contribution });
        ContributionCount = await contributions.CountAsync(cancellationToken);
        Contributions = ContributionCount == 0 ? [] : await contributions.OrderByDescending(c => c.StartsAt).ThenByDescending(c => c.Id)
            .Take(ActivitiesShown).Select(c => new Contribution(c.Id, c.Title, c.StartsAt, c.IsNational, c.Role, c.Contribution))
            .ToListAsync(cancellationToken);
        Staff = await db.Users.AsNoTracking().Where(u => u.PartnershipId == id && u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName, u.Organisation, u.Role)).ToListAsync(cancellationToken);
        if ((await authorization.AuthorizeAsync(User, new PartnershipRecord(id, partnership.RegionId), Operations.Change)).Succeeded)
        {
            var today = UkTime.Today(clock);
            var placements = await db.Placements.AsNoTracking().Where(p => ids.Contains(p.MenteePartnershipId))
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
            // One query each, however many rows: grouped by activity, and the reviews with their host's name.
            var attended = db.Bookings.AsNoTracking()
                .Where(b => b.PartnershipId != null && ids.Contains(b.PartnershipId.Value) && b.Attendance == Domain.Activities.Attendance.Attended)
                .GroupBy(b => new { b.ActivityId, b.Activity!.Title, b.Activity.StartsAt })
                .Select(g => new { g.Key.ActivityId, g.Key.Title, g.Key.StartsAt, People = g.Count() });
            AttendedCount = await attended.CountAsync(cancellationToken);
            Attended = AttendedCount == 0 ? [] : await attended.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.ActivityId)
                .Take(ActivitiesShown).Select(a => new AttendedActivity(a.ActivityId, a.Title, a.StartsAt, a.People)).ToListAsync(cancellationToken);
            Reviews = await db.PeerReviews.AsNoTracking()
                .Where(r => ids.Contains(r.HostPartnershipId) || r.Team.Any(m => m.PartnershipId != null && ids.Contains(m.PartnershipId.Value)))
                .OrderByDescending(r => r.OnSiteStartsOn).ThenByDescending(r => r.Id)
                .Select(r => new ReviewTaken(r.Id, db.Partnerships.Where(p => p.Id == r.HostPartnershipId).Select(p => p.Name).First(),
                    ids.Contains(r.HostPartnershipId), r.Stage, r.OnSiteStartsOn,
                    r.Team.Count(m => m.PartnershipId != null && ids.Contains(m.PartnershipId.Value) && m.Role == Domain.Reviews.TeamRole.Lead),
                    r.Team.Count(m => m.PartnershipId != null && ids.Contains(m.PartnershipId.Value) && m.Role == Domain.Reviews.TeamRole.Peer)))
                .ToListAsync(cancellationToken);
            Projects = await db.Projects.AsNoTracking().Where(x => ids.Contains(x.PartnershipId))
                .OrderBy(x => x.Status == Domain.Projects.ProjectStatus.Active ? 0 : x.Status == Domain.Projects.ProjectStatus.Proposed ? 1
                    : x.Status == Domain.Projects.ProjectStatus.Closed ? 2 : 3).ThenByDescending(x => x.StartsOn).ThenBy(x => x.Id)
                .Select(x => new ProjectRow(x.Id, x.Title, x.Status, x.StartsOn, x.EndsOn, x.LastUpdateOn))
                .ToListAsync(cancellationToken);
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

    /// <summary>Partnerships merged into this one, whose history shows here.</summary>
    public IReadOnlyList<Link> Merged { get; private set; } = [];

    /// <summary>The active partnerships of the region this one could be merged into (for those who manage it).</summary>
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> MergeChoices { get; private set; } = [];

    [BindProperty]
    public int? SurvivorId { get; set; }

    /// <summary>
    /// Merges this partnership into another of the region: it is deactivated and hidden from choices, its
    /// history rows keep its id, and the survivor's page and the participation figures count them as the survivor's.
    /// </summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new PartnershipRecord(partnership.Id, partnership.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        var survivor = SurvivorId is { } survivorId ? await db.Partnerships.SingleOrDefaultAsync(p => p.Id == survivorId, cancellationToken) : null;
        try
        {
            if (survivor is null)
            {
                throw new FieldException(nameof(SurvivorId), "Select the partnership to merge into");
            }
            partnership.MergeInto(survivor);
            // Any partnership merged into this one before now belongs to the survivor: merges stay one level deep.
            foreach (var earlier in await db.Partnerships.Where(p => p.MergedIntoId == id).ToListAsync(cancellationToken))
            {
                earlier.MoveMergeTo(survivor.Id);
            }
            db.Audit(me.Id, "partnership.merged", partnership, $"into {survivor.Name}");
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{partnership.Name} has been merged into {survivor.Name}. Its history now shows under {survivor.Name}.");
            return RedirectToPage("/Partnerships/Details", new { id = survivor.Id });
        }
        catch (Domain.DomainException e)
        {
            this.Refused(e, db, nameof(SurvivorId));
            return await OnGetAsync(id, cancellationToken);
        }
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
        if (!(await authorization.AuthorizeAsync(User, new PartnershipRecord(partnership.Id, partnership.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        change(partnership);
        db.Audit(me.Id, action, partnership);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess($"{partnership.Name} has been {done}.");
        return RedirectToPage("/Partnerships/Details", new { id });
    }

    public sealed record View(int Id, int RegionId, string RegionName, string Name, AreaType AreaType, bool ReceivesNrf, bool IsActive, int? CountyId, string? County,
        int? MergedIntoId, string? MergedInto);
    public sealed record Link(int Id, string Name);
    public sealed record AttendedActivity(int Id, string Title, DateTime StartsAt, int People);
    public sealed record Contribution(int ActivityId, string Title, DateTime StartsAt, bool IsNational, Domain.Activities.ContributorRole Role, string Text);

    /// <summary>A review the partnership hosted, or whose team its people joined as lead or peers.</summary>
    public sealed record ReviewTaken(int Id, string HostName, bool Hosted, Domain.Reviews.ReviewStage Stage, DateOnly OnSiteStartsOn, int Leads, int Peers)
    {
        public string Title => $"Peer review of {HostName}";
    }

    public sealed record ProjectRow(int Id, string Title, Domain.Projects.ProjectStatus Status, DateOnly StartsOn, DateOnly EndsOn, DateOnly? LastUpdateOn);
    public sealed record PlacementRollup(string Theme, int Placements, int Active, double Hours, double? GoalsMet);
    public sealed record NeedsProfile(int SurveyId, string SurveyTitle, DateTime SubmittedAt, bool IsFollowUp, IReadOnlyList<ThemeNeed> Themes);

    /// <summary>A theme's need; <paramref name="Travelled"/> is the change in mean capacity since the baseline round.</summary>
    public sealed record ThemeNeed(string Theme, double Mean, Domain.Needs.NeedLevel Level, double? Travelled);
    public sealed record Person(string Id, string Name, string? Organisation, string Role);
}
