using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApprovalDueAt",
                table: "RecoveryCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalEligibleRoles",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ApprovalEscalateTo",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalExclusions",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ApprovalSla",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ApprovalValidity",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "ApprovedAt",
                table: "RecoveryCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EscalatedAt",
                table: "RecoveryCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApprovalDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApproverId = table.Column<string>(type: "TEXT", nullable: false),
                    ApproverName = table.Column<string>(type: "TEXT", nullable: false),
                    ApproverRoles = table.Column<string>(type: "TEXT", nullable: false),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    VoidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalDecisions_RecoveryCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RecoveryCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_Status_ApprovalQueue_ApprovalDueAt",
                table: "RecoveryCases",
                columns: new[] { "Status", "ApprovalQueue", "ApprovalDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalDecisions_CaseId_ApproverId",
                table: "ApprovalDecisions",
                columns: new[] { "CaseId", "ApproverId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalDecisions");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_Status_ApprovalQueue_ApprovalDueAt",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ApprovalDueAt",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ApprovalEligibleRoles",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ApprovalEscalateTo",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ApprovalExclusions",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ApprovalSla",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ApprovalValidity",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "RecoveryCases");
        }
    }
}
