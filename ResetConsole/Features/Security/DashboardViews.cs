using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;

namespace ResetConsole.Features.Security;

public sealed record DashboardSummary(int Requests, int ActiveExceptions, int ReviewsDue, int ReviewsOverdue, int Frozen, int Protected, int NeedsAttention);

public sealed record WatchedCase(Guid Id, string Reference, string SubjectDisplayName, string TierName, CaseStatus Status, DateTimeOffset Since, string? Why);

public sealed record ProtectedAccount(Guid Id, string SubjectId, string SubjectDisplayName, Guid CaseId, string Reason, DateTimeOffset Until);

public sealed record WatchList(IReadOnlyList<WatchedCase> Frozen, IReadOnlyList<WatchedCase> NeedsAttention, IReadOnlyList<ProtectedAccount> Protected);

public sealed record AlertView(Guid Id, DateTimeOffset At, AlertKind Kind, AlertSeverity Severity, Guid? CaseId, string? CaseReference,
    string? SubjectDisplayName, string? ActorName, string Summary);
