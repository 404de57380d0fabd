using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LspCapacity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SourceReviewId",
                table: "CaseStudies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PeerReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    HostPartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StageChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ScopingOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SelfAssessmentDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OnSiteStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OnSiteEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SelfAssessmentSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SelfAssessmentSubmittedById = table.Column<string>(type: "TEXT", nullable: true),
                    ReportSummary = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ReportAgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportAgreedById = table.Column<string>(type: "TEXT", nullable: true),
                    ProgressReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishConsentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishConsentById = table.Column<string>(type: "TEXT", nullable: true),
                    PublicSummary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerReviews_Partnerships_HostPartnershipId",
                        column: x => x.HostPartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerReviews_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_PeerReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "PeerReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewFocusThemes",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFocusThemes", x => new { x.ReviewId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_ReviewFocusThemes_PeerReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "PeerReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewFocusThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRecommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewRecommendations_PeerReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "PeerReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewRecommendations_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSelfAssessmentAnswers",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSelfAssessmentAnswers", x => new { x.ReviewId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_ReviewSelfAssessmentAnswers_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewSelfAssessmentAnswers_PeerReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "PeerReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewSelfAssessmentAnswers_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewTeamMembers",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewTeamMembers", x => new { x.ReviewId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_ReviewTeamMembers_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewTeamMembers_PeerReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "PeerReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewActions_PeerReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "PeerReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewActions_ReviewRecommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "ReviewRecommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewActionUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewActionUpdates_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewActionUpdates_ReviewActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "ReviewActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_SourceReviewId",
                table: "CaseStudies",
                column: "SourceReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_HostPartnershipId",
                table: "PeerReviews",
                column: "HostPartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_RegionId_Stage",
                table: "PeerReviews",
                columns: new[] { "RegionId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActions_RecommendationId",
                table: "ReviewActions",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActions_ReviewId",
                table: "ReviewActions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActions_Status_DueOn",
                table: "ReviewActions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActionUpdates_ActionId",
                table: "ReviewActionUpdates",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActionUpdates_ById",
                table: "ReviewActionUpdates",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_AuthorId",
                table: "ReviewFindings",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_ReviewId_ThemeId",
                table: "ReviewFindings",
                columns: new[] { "ReviewId", "ThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_ThemeId",
                table: "ReviewFindings",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFocusThemes_ThemeId",
                table: "ReviewFocusThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRecommendations_ReviewId",
                table: "ReviewRecommendations",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRecommendations_ThemeId",
                table: "ReviewRecommendations",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSelfAssessmentAnswers_ThemeId",
                table: "ReviewSelfAssessmentAnswers",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSelfAssessmentAnswers_UpdatedById",
                table: "ReviewSelfAssessmentAnswers",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTeamMembers_PersonId",
                table: "ReviewTeamMembers",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewActionUpdates");

            migrationBuilder.DropTable(
                name: "ReviewFindings");

            migrationBuilder.DropTable(
                name: "ReviewFocusThemes");

            migrationBuilder.DropTable(
                name: "ReviewSelfAssessmentAnswers");

            migrationBuilder.DropTable(
                name: "ReviewTeamMembers");

            migrationBuilder.DropTable(
                name: "ReviewActions");

            migrationBuilder.DropTable(
                name: "ReviewRecommendations");

            migrationBuilder.DropTable(
                name: "PeerReviews");

            migrationBuilder.DropIndex(
                name: "IX_CaseStudies_SourceReviewId",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "SourceReviewId",
                table: "CaseStudies");
        }
    }
}
