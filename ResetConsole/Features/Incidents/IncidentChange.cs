using ResetConsole.Features.Audit;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Features.Incidents;

/// <summary>
/// What a change hands back to <see cref="IncidentWriter"/>: its result, the audit entry to commit with it, the event
/// to publish after commit, and anything else that must wait for the commit (forgetting the cached active policy).
/// </summary>
public sealed record IncidentChange<T>(T Result, AuditRecord Audit, ConsoleEvent Published, Action? AfterCommit = null);
