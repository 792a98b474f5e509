using ResetConsole.Auth;
using ResetConsole.Data;

namespace ResetConsole.Features.Incidents;

/// <summary>One change in progress: the unit of work, the actor as the staff record says now, and the time.</summary>
public sealed record IncidentContext(AppDbContext Db, StaffActor Actor, DateTimeOffset Now);
