using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>What the simulator answers: who (by name and kind only, never contacts) and what the policy decided.</summary>
public sealed record SimulationResult(string SubjectName, SubjectKind SubjectKind, PolicyDecision Decision, int PolicyVersion, DateTimeOffset At);
