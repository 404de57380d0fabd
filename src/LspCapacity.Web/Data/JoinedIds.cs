using System.Globalization;
using System.Linq.Expressions;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Proposals;

namespace LspCapacity.Web.Data;

/// <summary>
/// A row's few ids (its themes, its regions) read with the row as one column, "3,1,7": a scalar subquery
/// <c>GroupBy(key).Select(g =&gt; string.Join(",", g.Select(x =&gt; x.Id.ToString()))).FirstOrDefault()</c>, which EF
/// translates to <c>group_concat</c> on SQLite and <c>string_agg</c> on PostgreSQL. A page then reads its rows in one
/// compiled query, rather than a second query by the page's ids (whose SQL EF re-processes for every list) or a nested
/// collection (whose shaper EF builds on every run).
/// </summary>
public static class JoinedIds
{
    /// <summary>An activity's theme ids joined, for a query's row (<c>JoinedIds.ActivityThemes.Apply(db, a.Id)</c>, see <see cref="Inline"/>).</summary>
    public static readonly Expression<Func<AppDbContext, int, string?>> ActivityThemes = (db, activityId) =>
        db.Set<ActivityTheme>().Where(t => t.ActivityId == activityId).GroupBy(t => t.ActivityId)
            .Select(g => string.Join(",", g.Select(t => t.ThemeId.ToString()))).FirstOrDefault();

    /// <summary>A proposal's theme ids joined, for a query's row (<c>JoinedIds.ProposalThemes.Apply(db, p.Id)</c>).</summary>
    public static readonly Expression<Func<AppDbContext, int, string?>> ProposalThemes = (db, proposalId) =>
        db.Set<ProposalTheme>().Where(t => t.ProposalId == proposalId).GroupBy(t => t.ProposalId)
            .Select(g => string.Join(",", g.Select(t => t.ThemeId.ToString()))).FirstOrDefault();

    /// <summary>The ids of a joined column, in no particular order; none for null or empty.</summary>
    public static IReadOnlyList<int> Parse(string? joined)
    {
        if (string.IsNullOrEmpty(joined))
        {
            return [];
        }
        var parts = joined.Split(',');
        var ids = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            ids[i] = int.Parse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        return ids;
    }
}
