using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Execution;

/// <summary>What the subject or manager sees of a reset: never the evidence, only what happened and when.</summary>
public sealed record ResetSummary(Guid CaseId, string SubjectName, RequestedAction Action, CaseStatus Status, DateTimeOffset? CoolDownUntil, DateTimeOffset OpenedAt);
