using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LspCapacity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Placements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MentorProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Biography = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", nullable: false),
                    ThemeIds = table.Column<string>(type: "TEXT", nullable: false),
                    IsAvailable = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorProfiles_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorProfiles_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ThemeIds = table.Column<string>(type: "TEXT", nullable: false),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PreferredDates = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportRequests_AspNetUsers_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportRequests_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Placements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MentorId = table.Column<string>(type: "TEXT", nullable: false),
                    MenteeId = table.Column<string>(type: "TEXT", nullable: false),
                    MenteePartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HostOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TimeCommitment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastSessionOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Placements_AspNetUsers_MenteeId",
                        column: x => x.MenteeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_AspNetUsers_MentorId",
                        column: x => x.MentorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Partnerships_MenteePartnershipId",
                        column: x => x.MenteePartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlacementOutcome",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    GoalsMet = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatChanged = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WouldRecommend = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementOutcome", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementOutcome_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlacementOutcome_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlacementSession",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    LoggedById = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PrivateNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgreedActions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementSession", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementSession_AspNetUsers_LoggedById",
                        column: x => x.LoggedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlacementSession_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlacementTheme",
                columns: table => new
                {
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementTheme", x => new { x.PlacementId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_PlacementTheme_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlacementTheme_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_PersonId",
                table: "MentorProfiles",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_RegionId",
                table: "MentorProfiles",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementOutcome_PersonId",
                table: "PlacementOutcome",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementOutcome_PlacementId_PersonId",
                table: "PlacementOutcome",
                columns: new[] { "PlacementId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Placements_MenteeId",
                table: "Placements",
                column: "MenteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_MenteePartnershipId",
                table: "Placements",
                column: "MenteePartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_MentorId",
                table: "Placements",
                column: "MentorId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_RegionId_Status",
                table: "Placements",
                columns: new[] { "RegionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_RequestId",
                table: "Placements",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementSession_LoggedById",
                table: "PlacementSession",
                column: "LoggedById");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementSession_PlacementId_Date",
                table: "PlacementSession",
                columns: new[] { "PlacementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementTheme_ThemeId",
                table: "PlacementTheme",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_PartnershipId",
                table: "SupportRequests",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_RegionId_Status",
                table: "SupportRequests",
                columns: new[] { "RegionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_RequesterId",
                table: "SupportRequests",
                column: "RequesterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MentorProfiles");

            migrationBuilder.DropTable(
                name: "PlacementOutcome");

            migrationBuilder.DropTable(
                name: "PlacementSession");

            migrationBuilder.DropTable(
                name: "PlacementTheme");

            migrationBuilder.DropTable(
                name: "Placements");

            migrationBuilder.DropTable(
                name: "SupportRequests");
        }
    }
}
