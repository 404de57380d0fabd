using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LspCapacity.Web.Data.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusChangedById",
                table: "SupportRequests",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyFollowUpReason",
                table: "PeerReviews",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RescheduleReason",
                table: "PeerReviews",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RescheduledAt",
                table: "PeerReviews",
                type: "TEXT",
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
