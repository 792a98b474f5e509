using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class Execution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoolDownCancelBy",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "CoolDownDuration",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CoolDownUntil",
                table: "RecoveryCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExecutedById",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ExecutionStartedAt",
                table: "RecoveryCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostResetPlan",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "RequireChangeAtNextSignIn",
                table: "RecoveryCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "TemporaryAccessPassLifetime",
                table: "RecoveryCases",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "CredentialHash",
                table: "DemoAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangeCredential",
                table: "DemoAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SideEffects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    LastErrorTransient = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SideEffects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SideEffects_RecoveryCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RecoveryCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SideEffects_CaseId",
                table: "SideEffects",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SideEffects_IdempotencyKey",
                table: "SideEffects",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SideEffects_Status_NextAttemptAt",
                table: "SideEffects",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SideEffects");

            migrationBuilder.DropColumn(
                name: "CoolDownCancelBy",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "CoolDownDuration",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "CoolDownUntil",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ExecutedById",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "ExecutionStartedAt",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "PostResetPlan",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "RequireChangeAtNextSignIn",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "TemporaryAccessPassLifetime",
                table: "RecoveryCases");

            migrationBuilder.DropColumn(
                name: "CredentialHash",
                table: "DemoAccounts");

            migrationBuilder.DropColumn(
                name: "MustChangeCredential",
                table: "DemoAccounts");
        }
    }
}
