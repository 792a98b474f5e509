using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Verification;

/// <summary>What the responder sees: never the case's evidence, only what they are asked to confirm.</summary>
public sealed record ChallengePrompt(
    Guid Id, StepKind Kind, string TargetLabel, string SubjectName, string Action, string AgentName, ChallengeStatus Status, DateTimeOffset ExpiresAt, string? Reference);
