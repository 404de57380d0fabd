using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LspCapacity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttendanceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Bookings_ActivityId_Attendance_PartnershipId",
                table: "Bookings",
                columns: new[] { "ActivityId", "Attendance", "PartnershipId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_ActivityId_Attendance_PartnershipId",
                table: "Bookings");
        }
    }
}
