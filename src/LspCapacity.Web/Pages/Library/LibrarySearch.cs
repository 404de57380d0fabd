using System.Text.RegularExpressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>
/// Full-text search of published case studies: SQLite FTS5 on the embedded default, PostgreSQL's own
/// full text (a weighted tsvector column with a GIN index) at scale. What people type is reduced to
/// words (so quotes, hyphens and operators never break the query); every word must match, the last
/// also as a prefix; a title match weighs far more than a body match.
/// </summary>
public static partial class LibrarySearch
{
    public static string? ToMatchQuery(string? text)
    {
        var terms = Words(text);
        if (terms.Count == 0)
        {
            return null;
        }
        return string.Join(" ", terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));
    }

    /// <summary>The same words as a PostgreSQL tsquery: <c>word &amp; word &amp; last:*</c>.</summary>
    public static string? ToTsQuery(string? text)
    {
        var terms = Words(text);
        return terms.Count == 0 ? null : string.Join(" & ", terms.Select((t, i) => i == terms.Count - 1 ? $"{t}:*" : t));
    }

    /// <summary>What a search is remembered by: its words, in order, case folded (both engines ignore case).</summary>
    public static string Key(string? text) => string.Join(" ", Words(text)).ToLowerInvariant();

    /// <summary>Ids of published case studies matching <paramref name="text"/>, best first.</summary>
    public static async Task<List<int>> MatchingIdsAsync(AppDbContext db, string text, CancellationToken cancellationToken)
    {
        if (db is PostgresAppDbContext)
        {
            var query = ToTsQuery(text);
            if (query is null)
            {
                return [];
            }
            // Weights for D, C, B, A: body (C) 0.1, summary (B) 0.3, title (A) 1.0.
            return await db.Database.SqlQuery<int>($"""
                SELECT c."Id" AS "Value"
                FROM "CaseStudies" c, to_tsquery('english', {query}) q
                WHERE c."SearchVector" @@ q AND c."Status" = {nameof(CaseStudyStatus.Published)}
                ORDER BY ts_rank(ARRAY[0.05, 0.1, 0.3, 1.0]::real[], c."SearchVector", q) DESC, c."Id"
                LIMIT 500
                """).ToListAsync(cancellationToken);
        }

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

    private static List<string> Words(string? text) =>
        Word().Matches(text ?? "").Select(m => m.Value).Where(w => w.Length > 0).Take(12).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
