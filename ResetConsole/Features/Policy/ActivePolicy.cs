using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>The version new cases are evaluated under, compiled.</summary>
public sealed record ActivePolicy(int Version, string Sha256, CompiledPolicy Policy, DateTimeOffset ActivatedAt, string AuthorName, string ApproverName);
