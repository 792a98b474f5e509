using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// How many cases wait in one approval queue for one tier. The database keeps it: triggers on <c>RecoveryCases</c>
/// (created by the QueueTallies migration) add and take away in the statement that changes a case, so every writer (the
/// case writer, the sweep, a migration, a hand-run statement) keeps it exact, and a queue's total is a few rows to add
/// instead of a count over every waiting case on each read. The console only reads it.
/// </summary>
public sealed class QueueTally
{
    public ApprovalQueue Queue { get; set; }

    public required string TierId { get; set; }

    public int Waiting { get; set; }
}
