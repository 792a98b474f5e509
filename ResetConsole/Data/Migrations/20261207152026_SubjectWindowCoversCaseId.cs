using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubjectWindowCoversCaseId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_SubjectId_OpenedAt",
                table: "RecoveryCases");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_SubjectId_OpenedAt_Id",
                table: "RecoveryCases",
                columns: new[] { "SubjectId", "OpenedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_SubjectId_OpenedAt_Id",
                table: "RecoveryCases");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_SubjectId_OpenedAt",
                table: "RecoveryCases",
                columns: new[] { "SubjectId", "OpenedAt" });
        }
    }
}
