using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LspCapacity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseStudies_RegionId",
                table: "CaseStudies");

            migrationBuilder.DropIndex(
                name: "IX_Activities_RegionId_Status_StartsAt",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_RegionId_Status",
                table: "CaseStudies",
                columns: new[] { "RegionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_RegionId_Status_StartsAt_Capacity_ConfirmedCount",
                table: "Activities",
                columns: new[] { "RegionId", "Status", "StartsAt", "Capacity", "ConfirmedCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseStudies_RegionId_Status",
                table: "CaseStudies");

            migrationBuilder.DropIndex(
                name: "IX_Activities_RegionId_Status_StartsAt_Capacity_ConfirmedCount",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_RegionId",
                table: "CaseStudies",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_RegionId_Status_StartsAt",
                table: "Activities",
                columns: new[] { "RegionId", "Status", "StartsAt" });
        }
    }
}
