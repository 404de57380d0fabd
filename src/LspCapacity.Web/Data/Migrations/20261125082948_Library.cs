using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LspCapacity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Library : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseStudies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcomes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReturnComments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudies_Activities_SourceActivityId",
                        column: x => x.SourceActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CaseStudies_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseStudies_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseStudies_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LibrarySubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    ThemeIds = table.Column<string>(type: "TEXT", nullable: false),
                    UnsubscribeToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DigestedUpTo = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibrarySubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibrarySubscriptions_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseStudyId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudyAttachment_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyTheme",
                columns: table => new
                {
                    CaseStudyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyTheme", x => new { x.CaseStudyId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_CaseStudyTheme_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseStudyTheme_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_AuthorId",
                table: "CaseStudies",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_PartnershipId",
                table: "CaseStudies",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_RegionId",
                table: "CaseStudies",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_Slug",
                table: "CaseStudies",
                column: "Slug");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_SourceActivityId",
                table: "CaseStudies",
                column: "SourceActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_Status_PublishedAt",
                table: "CaseStudies",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyAttachment_CaseStudyId",
                table: "CaseStudyAttachment",
                column: "CaseStudyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyTheme_ThemeId",
                table: "CaseStudyTheme",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_LibrarySubscriptions_PersonId",
                table: "LibrarySubscriptions",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibrarySubscriptions_UnsubscribeToken",
                table: "LibrarySubscriptions",
                column: "UnsubscribeToken",
                unique: true);

            // Full-text search (SQLite FTS5) over title, summary and body, kept in step by triggers.
            // Later migrations must not rebuild CaseStudies on SQLite (that would drop the triggers).
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("CREATE VIRTUAL TABLE CaseStudiesFts USING fts5(Title, Summary, Body, content='CaseStudies', content_rowid='Id', tokenize='porter unicode61');");
                migrationBuilder.Sql("CREATE TRIGGER CaseStudiesFts_ai AFTER INSERT ON CaseStudies BEGIN INSERT INTO CaseStudiesFts(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body); END;");
                migrationBuilder.Sql("CREATE TRIGGER CaseStudiesFts_ad AFTER DELETE ON CaseStudies BEGIN INSERT INTO CaseStudiesFts(CaseStudiesFts, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body); END;");
                migrationBuilder.Sql("CREATE TRIGGER CaseStudiesFts_au AFTER UPDATE ON CaseStudies BEGIN INSERT INTO CaseStudiesFts(CaseStudiesFts, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body); INSERT INTO CaseStudiesFts(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseStudiesFts_ai; DROP TRIGGER IF EXISTS CaseStudiesFts_ad; DROP TRIGGER IF EXISTS CaseStudiesFts_au; DROP TABLE IF EXISTS CaseStudiesFts;");
            }

            migrationBuilder.DropTable(
                name: "CaseStudyAttachment");

            migrationBuilder.DropTable(
                name: "CaseStudyTheme");

            migrationBuilder.DropTable(
                name: "LibrarySubscriptions");

            migrationBuilder.DropTable(
                name: "CaseStudies");
        }
    }
}
