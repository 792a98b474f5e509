using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrendRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_ExecutionStartedAt",
                table: "RecoveryCases");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_OpenedAt",
                table: "RecoveryCases");

            migrationBuilder.CreateTable(
                name: "VerificationDailyCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Passed = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationDailyCounts", x => new { x.Day, x.Kind });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_ApprovalQueue_OpenedAt_TierName_OpenedByVendor",
                table: "RecoveryCases",
                columns: new[] { "ApprovalQueue", "OpenedAt", "TierName", "OpenedByVendor" });

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_ExecutionStartedAt_TierName_Channel",
                table: "RecoveryCases",
                columns: new[] { "ExecutionStartedAt", "TierName", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_OpenedAt_OpenedByName",
                table: "RecoveryCases",
                columns: new[] { "OpenedAt", "OpenedByName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VerificationDailyCounts");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_ApprovalQueue_OpenedAt_TierName_OpenedByVendor",
                table: "RecoveryCases");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_ExecutionStartedAt_TierName_Channel",
                table: "RecoveryCases");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_OpenedAt_OpenedByName",
                table: "RecoveryCases");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_ExecutionStartedAt",
                table: "RecoveryCases",
                column: "ExecutionStartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_OpenedAt",
                table: "RecoveryCases",
                column: "OpenedAt");
        }
    }
}
