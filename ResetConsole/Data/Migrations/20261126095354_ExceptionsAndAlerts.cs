using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExceptionsAndAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "WaivedUntil",
                table: "VerificationSteps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExceptionGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectDisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    TierId = table.Column<string>(type: "TEXT", nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    TypeId = table.Column<string>(type: "TEXT", nullable: false),
                    TypeTitle = table.Column<string>(type: "TEXT", nullable: false),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepDescription = table.Column<string>(type: "TEXT", nullable: false),
                    WaivedKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MaxDuration = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    ReviewWithin = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    CountsAgainstReviewLimit = table.Column<bool>(type: "INTEGER", nullable: false),
                    GrantedByRoles = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedById = table.Column<string>(type: "TEXT", nullable: true),
                    EndedByName = table.Column<string>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedById = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewOutcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ReviewFindings = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewOverdueAlertedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExceptionGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseReference = table.Column<string>(type: "TEXT", nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", nullable: true),
                    SubjectDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityAlerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_ExecutionStartedAt",
                table: "RecoveryCases",
                column: "ExecutionStartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryCases_OpenedAt",
                table: "RecoveryCases",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalDecisions_DecidedAt",
                table: "ApprovalDecisions",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionGrants_CaseId",
                table: "ExceptionGrants",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionGrants_DecidedAt",
                table: "ExceptionGrants",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionGrants_DecidedById_ReviewedAt",
                table: "ExceptionGrants",
                columns: new[] { "DecidedById", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionGrants_ReviewedAt_ReviewDueAt",
                table: "ExceptionGrants",
                columns: new[] { "ReviewedAt", "ReviewDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionGrants_Status_EndsAt",
                table: "ExceptionGrants",
                columns: new[] { "Status", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityAlerts_At",
                table: "SecurityAlerts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityAlerts_Kind_At",
                table: "SecurityAlerts",
                columns: new[] { "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExceptionGrants");

            migrationBuilder.DropTable(
                name: "SecurityAlerts");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_ExecutionStartedAt",
                table: "RecoveryCases");

            migrationBuilder.DropIndex(
                name: "IX_RecoveryCases_OpenedAt",
                table: "RecoveryCases");

            migrationBuilder.DropIndex(
                name: "IX_ApprovalDecisions_DecidedAt",
                table: "ApprovalDecisions");

            migrationBuilder.DropColumn(
                name: "WaivedUntil",
                table: "VerificationSteps");
        }
    }
}
