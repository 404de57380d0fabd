using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LspCapacity.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewDatesAndRequestHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "SupportRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusChangedById",
                table: "SupportRequests",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyFollowUpReason",
                table: "PeerReviews",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RescheduleReason",
                table: "PeerReviews",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RescheduledAt",
                table: "PeerReviews",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "SupportRequests");

            migrationBuilder.DropColumn(
                name: "StatusChangedById",
                table: "SupportRequests");

            migrationBuilder.DropColumn(
                name: "EarlyFollowUpReason",
                table: "PeerReviews");

            migrationBuilder.DropColumn(
                name: "RescheduleReason",
                table: "PeerReviews");

            migrationBuilder.DropColumn(
                name: "RescheduledAt",
                table: "PeerReviews");
        }
    }
}
