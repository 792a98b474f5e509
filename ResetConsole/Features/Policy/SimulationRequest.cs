using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>
/// A what-if: a directory account (or none), attribute overrides typed by hand, the request and recent history.
/// Hours are relative to <see cref="At"/>.
/// </summary>
public sealed record SimulationRequest
{
    public string? SubjectId { get; init; }
    public SubjectKind? Kind { get; init; }
    public IReadOnlyList<string> ExtraGroups { get; init; } = [];
    public IReadOnlyList<string> ExtraAdminRoles { get; init; } = [];
    public RequestedAction Action { get; init; } = RequestedAction.PasswordReset;
    public RequestChannel Channel { get; init; } = RequestChannel.Phone;
    public bool AgentIsVendor { get; init; }
    public DateTimeOffset? At { get; init; }
    public double? LastResetHoursAgo { get; init; }
    public double? ContactChangedDaysAgo { get; init; }
    public int FailedVerifications { get; init; }
    public int AgentCasesLastHour { get; init; }
    public bool FrozenInLastDay { get; init; }
}
