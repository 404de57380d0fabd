using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Plan;

/// <summary>
/// The region's programme plan and why: the current programme's activities by theme, each with its origin (a
/// coordinator's, or a practitioners' proposal the board approved), its co-delivering partnerships, the need
/// evidence for its themes, its budget and status; and the approved proposals not yet made into an activity.
/// Printable. A fixed number of queries whatever the number of activities (the need evidence is kept between requests).
/// </summary>
[Authorize(Policy = Policies.InARegionOrNational)]
public class IndexModel(AppDbContext db, CurrentUser me, CurrentProgramme current, ReferenceData reference, FiguresCache cache) : PageModel
{
    public const string NoTheme = "No theme";

    public CurrentProgramme.Choice Choice { get; private set; } = default!;
    public NeedEvidence Evidence { get; private set; } = default!;
    public IReadOnlyList<ThemeGroup> Themes { get; private set; } = [];
    public IReadOnlyList<Waiting> NotYetActivities { get; private set; } = [];
    public int ActivityCount { get; private set; }
    public bool ShowsDrafts { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Proposals);
        if (await current.ResolveAsync(cancellationToken) is not { } choice)
        {
            return Forbid();
        }
        Choice = choice;
        var regionId = choice.RegionId;
        // Coordinators of the region (and admins) plan: they see the drafts too.
        ShowsDrafts = me.IsCoordinator && (me.IsAdmin || me.RegionId == regionId);
        Evidence = await NeedEvidence.LoadAsync(db, cache, regionId, cancellationToken);
        if (choice.Programme is not { } programme)
        {
            return Page();
        }
        var programmeId = programme.Id;
        var from = programme.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = programme.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var showsDrafts = ShowsDrafts;
        // The programme's activities: those starting within it and those made from its proposals. The region and the statuses
        // in each half of the OR, so SQLite searches an index for each half (the region's dates; the proposals' ids, an IN
        // subquery read once) and merges the two; with them outside the OR, it read the region's every activity.
        var statuses = Enum.GetValues<ActivityStatus>().Where(s => s != ActivityStatus.Cancelled && (showsDrafts || s != ActivityStatus.Draft)).ToList();
        var programmeProposals = db.Proposals.Where(p => p.ProgrammeId == programmeId).Select(p => (int?)p.Id);
        var found = await db.Activities.AsNoTracking()
            .Where(a => (a.RegionId == regionId && statuses.Contains(a.Status) && a.StartsAt >= from && a.StartsAt < to)
                || (programmeProposals.Contains(a.ProposalId) && a.RegionId == regionId && statuses.Contains(a.Status)))
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.Kind, a.Status, a.StartsAt, a.ProposalId, Cost = a.Costs.Sum(c => (decimal?)c.Amount) ?? 0m })
            .ToListAsync(cancellationToken);
        // Then everything else by the ids just read (SQLite has no APPLY for nested collections): their themes and co-deliverers
        // in one query, their proposals and the proposals still waiting in another, the waiting proposals' themes in a third.
        var activityIds = found.Select(a => a.Id).ToList();
        var links = activityIds.Count == 0 ? [] : await db.Set<ActivityTheme>().Where(t => activityIds.Contains(t.ActivityId))
            .Select(t => new { t.ActivityId, IsTheme = true, Id = t.ThemeId })
            .Union(db.ActivityContributors.Where(c => activityIds.Contains(c.ActivityId)).Select(c => new { c.ActivityId, IsTheme = false, Id = c.PartnershipId }))
            .ToListAsync(cancellationToken);
        var themeLinks = links.Where(l => l.IsTheme).ToLookup(l => l.ActivityId, l => l.Id);
        var coDeliverers = links.Where(l => !l.IsTheme).ToLookup(l => l.ActivityId, l => l.Id);
        // An activity's proposal and a proposal still waiting for one never coincide: the activity shown is not cancelled.
        var originIds = found.Where(a => a.ProposalId is not null).Select(a => a.ProposalId!.Value).ToHashSet();
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => originIds.Contains(p.Id)
                || (p.RegionId == regionId && p.ProgrammeId == programmeId && p.Status == ProposalStatus.Approved
                    && !db.Activities.Any(a => a.ProposalId == p.Id && a.Status != ActivityStatus.Cancelled)))
            .OrderBy(p => p.DecidedAt).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title, p.PartnershipId, p.ApprovedBudget, p.DecidedAt,
                Endorsing = db.ProposalEndorsements.Where(e => e.ProposalId == p.Id).Select(e => e.PartnershipId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        var origins = proposals.Where(p => originIds.Contains(p.Id)).ToDictionary(p => p.Id);
        var waitingIds = proposals.Where(p => !originIds.Contains(p.Id)).Select(p => p.Id).ToList();
        var waitingThemes = (waitingIds.Count == 0 ? [] : await db.Set<ProposalTheme>().Where(t => waitingIds.Contains(t.ProposalId))
                .Select(t => new { t.ProposalId, t.ThemeId }).ToListAsync(cancellationToken))
            .ToLookup(x => x.ProposalId, x => x.ThemeId);
        var activities = found.Select(a =>
        {
            var origin = a.ProposalId is { } id ? origins.GetValueOrDefault(id) : null;
            return new ActivityData(a.Id, a.Title, a.Kind, a.Status, a.StartsAt, themeLinks[a.Id].ToList(), a.Cost, coDeliverers[a.Id].ToList(),
                origin?.Id, origin?.PartnershipId, origin?.Endorsing ?? 0, origin?.ApprovedBudget);
        }).ToList();
        var waiting = proposals.Where(p => !originIds.Contains(p.Id))
            .Select(p => new WaitingData(p.Id, p.Title, p.PartnershipId, p.Endorsing, p.ApprovedBudget, p.DecidedAt, waitingThemes[p.Id].ToList()))
            .ToList();
        var partnershipNames = await reference.PartnershipNamesAsync(db, cancellationToken);
        var themes = await reference.ThemesAsync(db, cancellationToken);
        string Partnership(int id) => partnershipNames.GetValueOrDefault(id, "");
        string ThemeName(int id) => themes.FirstOrDefault(t => t.Id == id)?.Name ?? "";

        var rows = activities.Select(a => new Row(a.Id, a.Title, a.Kind, a.Status, a.StartsAt, a.ThemeIds.Select(ThemeName).Order().ToList(),
            a.ProposalId is { } proposalId ? new Origin(proposalId, Partnership(a.ProposerPartnershipId ?? 0), a.Endorsing) : null,
            a.CoDeliverers.Select(Partnership).Order().ToList(), a.Cost, a.ApprovedBudget, Evidence.PartnershipsWithHighNeed(a.ThemeIds))).ToList();
        ActivityCount = rows.Count;
        var byTheme = activities.Zip(rows)
            .SelectMany(x => x.First.ThemeIds.Count == 0 ? [(ThemeId: (int?)null, Row: x.Second)] : x.First.ThemeIds.Select(t => (ThemeId: (int?)t, Row: x.Second)))
            .GroupBy(x => x.ThemeId)
            .Select(g => new ThemeGroup(g.Key is { } id ? ThemeName(id) : NoTheme,
                g.Key is { } themeId ? Evidence.HighNeed(themeId).Count : null,
                g.Key is { } position ? themes.FirstOrDefault(t => t.Id == position)?.Position ?? int.MaxValue : int.MaxValue,
                g.Select(x => x.Row).ToList()))
            .OrderBy(g => g.Position).ThenBy(g => g.Theme, StringComparer.Ordinal)
            .ToList();
        Themes = byTheme;
        NotYetActivities = waiting.Select(p => new Waiting(p.Id, p.Title, Partnership(p.PartnershipId), p.Endorsing, p.ApprovedBudget, p.DecidedAt,
            p.ThemeIds.Select(ThemeName).Order().ToList(), Evidence.PartnershipsWithHighNeed(p.ThemeIds))).ToList();
        return Page();
    }

    private sealed record ActivityData(int Id, string Title, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt, List<int> ThemeIds,
        decimal Cost, List<int> CoDeliverers, int? ProposalId, int? ProposerPartnershipId, int Endorsing, decimal? ApprovedBudget);

    private sealed record WaitingData(int Id, string Title, int PartnershipId, int Endorsing, decimal? ApprovedBudget, DateTime? DecidedAt, List<int> ThemeIds);

    /// <summary>A practitioners' proposal the programme board approved: who proposed it and how many partnerships endorsed it.</summary>
    public sealed record Origin(int ProposalId, string Partnership, int EndorsingPartnerships);

    public sealed record Row(int Id, string Title, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt, IReadOnlyList<string> Themes,
        Origin? Proposal, IReadOnlyList<string> CoDeliverers, decimal Cost, decimal? ApprovedBudget, int PartnershipsWithHighNeed);

    /// <summary>One theme's activities and how many partnerships rated the theme a high need (null for activities without a theme).</summary>
    public sealed record ThemeGroup(string Theme, int? HighNeed, int Position, IReadOnlyList<Row> Activities);

    public sealed record Waiting(int Id, string Title, string Partnership, int EndorsingPartnerships, decimal? ApprovedBudget, DateTime? DecidedAt,
        IReadOnlyList<string> Themes, int PartnershipsWithHighNeed);
}
