using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResetConsole.Data.Migrations
{
    /// <summary>
    /// Refuses, inside SQLite, an update of a recovery case that does not give it a new version. The optimistic
    /// concurrency of every case change relies on it, and so does the approval queue, which reads a row again only
    /// when its version (or its counting approvals) moved. Hand-written: triggers are not part of the EF model, so the
    /// model snapshot does not change.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261207120000_CaseVersions")]
    public partial class CaseVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TRIGGER \"RecoveryCases_NewVersion\" BEFORE UPDATE ON \"RecoveryCases\" WHEN NEW.\"Version\" = OLD.\"Version\" " +
                "BEGIN SELECT RAISE(ABORT, 'a recovery case was changed without a new version'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"RecoveryCases_NewVersion\";");
        }
    }
}
