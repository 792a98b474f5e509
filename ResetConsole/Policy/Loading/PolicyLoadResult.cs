using System.Diagnostics.CodeAnalysis;

namespace ResetConsole.Policy;

/// <summary>Either a compiled policy or every error found (never both).</summary>
public sealed record PolicyLoadResult(CompiledPolicy? Policy, IReadOnlyList<PolicyError> Errors)
{
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool Succeeded => Policy is not null;
}
