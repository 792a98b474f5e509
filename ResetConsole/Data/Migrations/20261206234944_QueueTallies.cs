using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <summary>
    /// The approval queues' tallies (<c>QueueTally</c>), kept by triggers on <c>RecoveryCases</c>: each statement that
    /// inserts, deletes or moves a waiting case adds or takes one away in the same transaction.
    /// </summary>
    public partial class QueueTallies : Migration
    {
        // CaseStatus.AwaitingApproval as stored.
        private const string Waiting = "'AwaitingApproval'";

        private const string AddNew = $"""
            INSERT INTO "QueueTallies" ("Queue", "TierId", "Waiting") SELECT NEW."ApprovalQueue", NEW."TierId", 1 WHERE NEW."Status" = {Waiting}
                ON CONFLICT ("Queue", "TierId") DO UPDATE SET "Waiting" = "Waiting" + 1;
            """;

        private const string TakeOld = $"""
            UPDATE "QueueTallies" SET "Waiting" = "Waiting" - 1 WHERE OLD."Status" = {Waiting} AND "Queue" = OLD."ApprovalQueue" AND "TierId" = OLD."TierId";
            """;

        private static readonly string[] CreateTriggers =
        [
            $"""
            CREATE TRIGGER "RecoveryCases_QueueTally_Insert" AFTER INSERT ON "RecoveryCases" WHEN NEW."Status" = {Waiting}
            BEGIN
                {AddNew}
            END;
            """,
            // Fires when the statement sets any of the three columns, changed or not: taking one away and adding it back
            // leaves an unchanged case's count as it was.
            $"""
            CREATE TRIGGER "RecoveryCases_QueueTally_Update" AFTER UPDATE OF "Status", "ApprovalQueue", "TierId" ON "RecoveryCases"
                WHEN OLD."Status" = {Waiting} OR NEW."Status" = {Waiting}
            BEGIN
                {TakeOld}
                {AddNew}
            END;
            """,
            $"""
            CREATE TRIGGER "RecoveryCases_QueueTally_Delete" AFTER DELETE ON "RecoveryCases" WHEN OLD."Status" = {Waiting}
            BEGIN
                {TakeOld}
            END;
            """,
        ];

        // The tallies of the cases already there when the triggers are created.
        private const string Fill = $"""
            INSERT INTO "QueueTallies" ("Queue", "TierId", "Waiting")
            SELECT "ApprovalQueue", "TierId", COUNT(*) FROM "RecoveryCases" WHERE "Status" = {Waiting} GROUP BY "ApprovalQueue", "TierId";
            """;

        private static readonly string[] DropTriggers =
        [
            """DROP TRIGGER IF EXISTS "RecoveryCases_QueueTally_Insert";""",
            """DROP TRIGGER IF EXISTS "RecoveryCases_QueueTally_Update";""",
            """DROP TRIGGER IF EXISTS "RecoveryCases_QueueTally_Delete";""",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QueueTallies",
                columns: table => new
                {
                    Queue = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TierId = table.Column<string>(type: "TEXT", nullable: false),
                    Waiting = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueTallies", x => new { x.Queue, x.TierId });
                });

            // The database keeps the tallies from here on, for every writer; the cases already waiting are counted once.
            foreach (var trigger in CreateTriggers)
            {
                migrationBuilder.Sql(trigger);
            }

            migrationBuilder.Sql(Fill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in DropTriggers)
            {
                migrationBuilder.Sql(trigger);
            }

            migrationBuilder.DropTable(
                name: "QueueTallies");
        }
    }
}
