using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;

namespace ResetConsole.Features.Cases;

/// <summary>One change in progress: the tracked case, the actor with their current roles, the time of the change.</summary>
public sealed record CaseContext(AppDbContext Db, RecoveryCase Case, StaffActor Actor, DateTimeOffset Now);
