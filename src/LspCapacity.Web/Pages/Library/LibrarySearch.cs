using System.Text.RegularExpressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>
/// Full-text search of published case studies with SQLite FTS5. What people type is turned into
/// quoted terms (so quotes, hyphens and operators never break the query); the last term also matches
/// as a prefix; a title match weighs ten times a body match.
/// </summary>
public static partial class LibrarySearch
{
    public static string? ToMatchQuery(string? text)
    {
        var terms = Word().Matches(text ?? "").Select(m => m.Value).Where(w => w.Length > 0).Take(12).ToList();
        if (terms.Count == 0)
        {
            return null;
        }
        return string.Join(" ", terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));
    }

    /// <summary>Ids of published case studies matching <paramref name="text"/>, best first.</summary>
    public static async Task<List<int>> MatchingIdsAsync(AppDbContext db, string text, CancellationToken cancellationToken)
    {
        var match = ToMatchQuery(text);
        if (match is null)
        {
            return [];
        }
        return await db.Database.SqlQuery<int>($"""
            SELECT f.rowid AS "Value"
            FROM CaseStudiesFts f JOIN CaseStudies c ON c.Id = f.rowid
            WHERE CaseStudiesFts MATCH {match} AND c.Status = {nameof(CaseStudyStatus.Published)}
            ORDER BY bm25(CaseStudiesFts, 10.0, 3.0, 1.0)
            LIMIT 500
            """).ToListAsync(cancellationToken);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
