using System.Linq.Expressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Pages.Needs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Board;

/// <summary>What the board's pages read: the decisions with their proposals, and a proposal's evidence. A fixed number of queries whatever the size.</summary>
public static class BoardQueries
{
    public sealed record DecisionRow(int MeetingId, DateTime MeetingStartsAt, int ProposalId, string Title, int PartnershipId,
        DecisionOutcome Outcome, decimal? Budget, string? MergedInto, string Reasons, DateTime RecordedAt, int? ActivityId)
    {
        public string Decision => BoardText.Decision(Outcome, Budget, MergedInto);
    }

    /// <summary>The decisions of the region's meetings (of one meeting when given), newest meeting first.</summary>
    public static IQueryable<DecisionRow> Decisions(AppDbContext db, int regionId, int? meetingId = null)
    {
        var meetings = db.BoardMeetings.AsNoTracking().Where(m => m.RegionId == regionId);
        if (meetingId is { } id)
        {
            meetings = meetings.Where(m => m.Id == id);
        }
        return Inline.Bind(DecisionsOf, db, meetings);
    }

    /// <summary>
    /// A page of the region's decision log with the log's total (a page past the last has no rows: <see cref="Decisions"/>
    /// reads the last page then). Compiled once: the log is composed the same way on every visit, and EF's work to find its SQL
    /// (and the count's, a second query before) cost more CPU than SQLite's.
    /// </summary>
    public static IAsyncEnumerable<Counted<DecisionRow>> DecisionPage(AppDbContext db, int regionId, int skip, int take) =>
        DecisionPageOf.For(db)(db, regionId, skip, take);

    /// <summary>The decisions of some meetings with their proposals, newest meeting first.</summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<BoardMeeting>, IQueryable<DecisionRow>>> DecisionsOf = (db, meetings) => meetings
        .SelectMany(m => m.Decisions, (m, d) => new { m.StartsAt, d })
        .Join(db.Proposals, x => x.d.ProposalId, p => p.Id, (x, p) => new { x.StartsAt, x.d, p })
        .OrderByDescending(x => x.StartsAt).ThenByDescending(x => x.d.RecordedAt).ThenByDescending(x => x.d.Id)
        .Select(x => new DecisionRow(x.d.MeetingId, x.StartsAt, x.p.Id, x.p.Title, x.p.PartnershipId, x.d.Outcome, x.d.Budget,
            db.Proposals.Where(o => o.Id == x.d.MergedIntoId).Select(o => o.Title).FirstOrDefault(), x.d.Reasons, x.d.RecordedAt,
            x.d.Outcome == DecisionOutcome.Approved ? x.p.ActivityId : null));

    private static readonly PerEngine<Func<AppDbContext, int, int, int, IAsyncEnumerable<Counted<DecisionRow>>>> DecisionPageOf = new(() => EF.CompileAsyncQuery(
        Inline.Expand<Func<AppDbContext, int, int, int, IQueryable<Counted<DecisionRow>>>>((db, regionId, skip, take) =>
            DecisionsOf.Apply(db, db.BoardMeetings.AsNoTracking().Where(m => m.RegionId == regionId)).Skip(skip).Take(take)
                .Select(r => new Counted<DecisionRow>
                {
                    Row = r,
                    Total = DecisionsOf.Apply(db, db.BoardMeetings.Where(m => m.RegionId == regionId)).Count(),
                }))));

    /// <summary>Per theme, how many partnerships rated it a high need in the region's latest answered survey (none when there is no survey).</summary>
    public static async Task<(string? Survey, IReadOnlyDictionary<int, int> HighNeeds)> HighNeedsAsync(AppDbContext db, int regionId,
        CancellationToken cancellationToken)
    {
        var survey = await NeedsQueries.LatestAnsweredAsync(db, regionId, cancellationToken);
        if (survey is null)
        {
            return (null, new Dictionary<int, int>());
        }
        var means = await NeedsQueries.MeansAsync(db, survey.Id, null, cancellationToken);
        return (survey.Title, means.Where(m => m.Level == Domain.Needs.NeedLevel.High).GroupBy(m => m.ThemeId).ToDictionary(g => g.Key, g => g.Count()));
    }
}
