using ResetConsole.Policy;

namespace ResetConsole.Domain.Cases;

/// <summary>
/// What proved (or failed to prove) a step: the method used, a reference to outside evidence, who recorded it and
/// when. Never holds a code, a secret or a contact value.
/// </summary>
public sealed record StepEvidence(StepKind Kind, bool Passed, string Method, string? Reference, string ById, string ByName, DateTimeOffset At);
