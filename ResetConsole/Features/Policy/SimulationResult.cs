using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

public sealed record SimulationResult(Subject Subject, PolicyDecision Decision, int PolicyVersion, DateTimeOffset At);
