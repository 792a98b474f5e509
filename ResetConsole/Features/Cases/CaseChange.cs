using ResetConsole.Features.Audit;

namespace ResetConsole.Features.Cases;

/// <summary>What a change to a case records: its audit entry, and what to tell open screens after commit.</summary>
public sealed record CaseChange(AuditRecord Audit, Func<Task>? AfterCommit = null);
