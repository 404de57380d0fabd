using Microsoft.EntityFrameworkCore.Migrations;

namespace LspCapacity.Web.Data;

/// <summary>
/// The hand-written SQL that the generated <c>Initial</c> migrations call: full-text search over case
/// studies, which EF Core's model cannot express. Kept here so that regenerating <c>Initial</c>
/// (scripts/regenerate-initial-migrations, before the first release only) cannot lose it.
/// </summary>
public static class SearchIndexSql
{
    /// <summary>SQLite: an FTS5 table over title, summary and body, kept in step by triggers.
    /// Later migrations must not rebuild CaseStudies on SQLite (that would drop the triggers).</summary>
    public static void CreateSqlite(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE VIRTUAL TABLE CaseStudiesFts USING fts5(Title, Summary, Body, content='CaseStudies', content_rowid='Id', tokenize='porter unicode61');");
        migrationBuilder.Sql("CREATE TRIGGER CaseStudiesFts_ai AFTER INSERT ON CaseStudies BEGIN INSERT INTO CaseStudiesFts(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body); END;");
        migrationBuilder.Sql("CREATE TRIGGER CaseStudiesFts_ad AFTER DELETE ON CaseStudies BEGIN INSERT INTO CaseStudiesFts(CaseStudiesFts, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body); END;");
        migrationBuilder.Sql("CREATE TRIGGER CaseStudiesFts_au AFTER UPDATE ON CaseStudies BEGIN INSERT INTO CaseStudiesFts(CaseStudiesFts, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body); INSERT INTO CaseStudiesFts(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body); END;");
    }

    public static void DropSqlite(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseStudiesFts_ai; DROP TRIGGER IF EXISTS CaseStudiesFts_ad; DROP TRIGGER IF EXISTS CaseStudiesFts_au; DROP TABLE IF EXISTS CaseStudiesFts;");

    /// <summary>PostgreSQL: a generated tsvector (title weighted A, summary B, body C) with a GIN index.
    /// Not in the EF model: only LibrarySearch reads it.</summary>
    public static void CreatePostgres(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE "CaseStudies" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', coalesce("Title", '')), 'A') ||
                setweight(to_tsvector('english', coalesce("Summary", '')), 'B') ||
                setweight(to_tsvector('english', coalesce("Body", '')), 'C')) STORED;
            CREATE INDEX "IX_CaseStudies_SearchVector" ON "CaseStudies" USING GIN ("SearchVector");
            """);
}
