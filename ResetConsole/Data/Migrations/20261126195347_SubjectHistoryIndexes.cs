using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubjectHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_SubjectId_Status",
                table: "RecoveryCases");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_SubjectId_FrozenAt",
                table: "RecoveryCases",
                columns: new[] { "SubjectId", "FrozenAt" },
                filter: "\"FrozenAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_SubjectId_OpenedAt",
                table: "RecoveryCases",
                columns: new[] { "SubjectId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_SubjectId_Status_ClosedAt",
                table: "RecoveryCases",
                columns: new[] { "SubjectId", "Status", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_SubjectId_FrozenAt",
                table: "RecoveryCases");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_SubjectId_OpenedAt",
                table: "RecoveryCases");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_SubjectId_Status_ClosedAt",
                table: "RecoveryCases");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_SubjectId_Status",
                table: "RecoveryCases",
                columns: new[] { "SubjectId", "Status" });
        }
    }
}
