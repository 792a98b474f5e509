using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class QueueTierIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_Status_ApprovalQueue_TierId_ApprovalDueAt",
                table: "RecoveryCases",
                columns: new[] { "Status", "ApprovalQueue", "TierId", "ApprovalDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_Status_ApprovalQueue_TierId_ApprovalDueAt",
                table: "RecoveryCases");
        }
    }
}
