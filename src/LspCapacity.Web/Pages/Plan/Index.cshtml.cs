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
/// Printable. Two compiled queries whatever the number of activities (the need evidence is kept between requests).
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
        var from = programme.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = programme.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Drafts are the third status shown to those who plan; to anyone else the third is a second Published (the same rows).
        var alsoShown = ShowsDrafts ? ActivityStatus.Draft : ActivityStatus.Published;
        var activities = await ProgrammeActivities.For(db)(db, regionId, programme.Id, from, to, alsoShown).ToListAsync(cancellationToken);
        var waiting = await WaitingProposals.For(db)(db, regionId, programme.Id).ToListAsync(cancellationToken);
        var partnershipNames = await reference.PartnershipNamesAsync(db, cancellationToken);
        var themes = await reference.ThemesAsync(db, cancellationToken);
        string Partnership(int id) => partnershipNames.GetValueOrDefault(id, "");
        string ThemeName(int id) => themes.FirstOrDefault(t => t.Id == id)?.Name ?? "";

        var themeIdsOf = activities.Select(a => JoinedIds.Parse(a.ThemeIds)).ToList();
        var rows = activities.Zip(themeIdsOf, (a, themeIds) => new Row(a.Id, a.Title, a.Kind, a.Status, a.StartsAt, themeIds.Select(ThemeName).Order().ToList(),
            a.ProposalId is { } proposalId ? new Origin(proposalId, Partnership(a.ProposerPartnershipId ?? 0), a.Endorsing) : null,
            JoinedIds.Parse(a.CoDelivererIds).Select(Partnership).Order().ToList(), a.Cost, a.ApprovedBudget, Evidence.PartnershipsWithHighNeed(themeIds))).ToList();
        ActivityCount = rows.Count;
        var byTheme = themeIdsOf.Zip(rows)
            .SelectMany(x => x.First.Count == 0 ? [(ThemeId: (int?)null, Row: x.Second)] : x.First.Select(t => (ThemeId: (int?)t, Row: x.Second)))
            .GroupBy(x => x.ThemeId)
            .Select(g => new ThemeGroup(g.Key is { } id ? ThemeName(id) : NoTheme,
                g.Key is { } themeId ? Evidence.HighNeed(themeId).Count : null,
                g.Key is { } position ? themes.FirstOrDefault(t => t.Id == position)?.Position ?? int.MaxValue : int.MaxValue,
                g.Select(x => x.Row).ToList()))
            .OrderBy(g => g.Position).ThenBy(g => g.Theme, StringComparer.Ordinal)
            .ToList();
        Themes = byTheme;
        NotYetActivities = waiting.Select(p =>
        {
            var themeIds = JoinedIds.Parse(p.ThemeIds);
            return new Waiting(p.Id, p.Title, Partnership(p.PartnershipId), p.Endorsing, p.ApprovedBudget, p.DecidedAt,
                themeIds.Select(ThemeName).Order().ToList(), Evidence.PartnershipsWithHighNeed(themeIds));
        }).ToList();
        return Page();
    }

    /// <summary>
    /// The programme's activities, each with what the plan shows of it in the same row: its cost, its theme and co-delivering
    /// partnership ids joined (<see cref="JoinedIds"/>), and for one made from a proposal who proposed it, how many endorsed it
    /// and the budget approved. Those starting within the programme and those made from its proposals: the region and the
    /// statuses (one IN list: an OR of statuses hides them from the index) in each half of the OR, so SQLite searches an index
    /// for each half (the region's dates; the proposals' ids, an IN subquery read once) and merges the two; with them outside
    /// the OR, it read the region's every activity. Compiled once:
    /// composed on each request, with the ids of one query's rows as a list in the next, EF's own work on the SQL was about a
    /// fifth of the page's CPU.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, int, DateTime, DateTime, ActivityStatus, IAsyncEnumerable<ActivityData>>> ProgrammeActivities =
        new(() => EF.CompileAsyncQuery(Inline.Expand<Func<AppDbContext, int, int, DateTime, DateTime, ActivityStatus, IQueryable<ActivityData>>>(
            (db, regionId, programmeId, from, to, alsoShown) => db.Activities.AsNoTracking()
                .Where(a => (a.RegionId == regionId && new[] { ActivityStatus.Published, ActivityStatus.Completed, alsoShown }.Contains(a.Status)
                        && a.StartsAt >= from && a.StartsAt < to)
                    || (db.Proposals.Where(p => p.ProgrammeId == programmeId).Select(p => (int?)p.Id).Contains(a.ProposalId) && a.RegionId == regionId
                        && new[] { ActivityStatus.Published, ActivityStatus.Completed, alsoShown }.Contains(a.Status)))
                .OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
                .Select(a => new ActivityData(a.Id, a.Title, a.Kind, a.Status, a.StartsAt,
                    JoinedIds.ActivityThemes.Apply(db, a.Id),
                    a.Costs.Sum(c => (decimal?)c.Amount) ?? 0m,
                    db.ActivityContributors.Where(c => c.ActivityId == a.Id).GroupBy(c => c.ActivityId)
                        .Select(g => string.Join(",", g.Select(c => c.PartnershipId.ToString()))).FirstOrDefault(),
                    a.ProposalId,
                    db.Proposals.Where(p => p.Id == a.ProposalId).Select(p => (int?)p.PartnershipId).FirstOrDefault(),
                    a.ProposalId == null ? 0 : Proposals.IndexModel.EndorsingOf.Apply(db, a.ProposalId.Value),
                    db.Proposals.Where(p => p.Id == a.ProposalId).Select(p => p.ApprovedBudget).FirstOrDefault())))));

    /// <summary>The programme's approved proposals not yet made into an activity (one cancelled does not count), oldest decision first, each with its theme ids joined.</summary>
    private static readonly PerEngine<Func<AppDbContext, int, int, IAsyncEnumerable<WaitingData>>> WaitingProposals =
        new(() => EF.CompileAsyncQuery(Inline.Expand<Func<AppDbContext, int, int, IQueryable<WaitingData>>>((db, regionId, programmeId) => db.Proposals.AsNoTracking()
            .Where(p => p.RegionId == regionId && p.ProgrammeId == programmeId && p.Status == ProposalStatus.Approved
                && !db.Activities.Any(a => a.ProposalId == p.Id && a.Status != ActivityStatus.Cancelled))
            .OrderBy(p => p.DecidedAt).ThenBy(p => p.Id)
            .Select(p => new WaitingData(p.Id, p.Title, p.PartnershipId, Proposals.IndexModel.EndorsingOf.Apply(db, p.Id), p.ApprovedBudget, p.DecidedAt,
                JoinedIds.ProposalThemes.Apply(db, p.Id))))));

    private sealed record ActivityData(int Id, string Title, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt, string? ThemeIds,
        decimal Cost, string? CoDelivererIds, int? ProposalId, int? ProposerPartnershipId, int Endorsing, decimal? ApprovedBudget);

    private sealed record WaitingData(int Id, string Title, int PartnershipId, int Endorsing, decimal? ApprovedBudget, DateTime? DecidedAt, string? ThemeIds);

    /// <summary>A practitioners' proposal the programme board approved: who proposed it and how many partnerships endorsed it.</summary>
    public sealed record Origin(int ProposalId, string Partnership, int EndorsingPartnerships);

    public sealed record Row(int Id, string Title, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt, IReadOnlyList<string> Themes,
        Origin? Proposal, IReadOnlyList<string> CoDeliverers, decimal Cost, decimal? ApprovedBudget, int PartnershipsWithHighNeed);

    /// <summary>One theme's activities and how many partnerships rated the theme a high need (null for activities without a theme).</summary>
    public sealed record ThemeGroup(string Theme, int? HighNeed, int Position, IReadOnlyList<Row> Activities);

    public sealed record Waiting(int Id, string Title, string Partnership, int EndorsingPartnerships, decimal? ApprovedBudget, DateTime? DecidedAt,
        IReadOnlyList<string> Themes, int PartnershipsWithHighNeed);
}
