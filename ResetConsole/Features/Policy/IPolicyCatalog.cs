using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>Every feature asks this for the policy: the active version for new cases, an old one for open cases.</summary>
public interface IPolicyCatalog
{
    Task<ActivePolicy> GetActiveAsync(CancellationToken ct = default);

    Task<CompiledPolicy> GetVersionAsync(int version, CancellationToken ct = default);

    Task<IReadOnlyList<PolicyVersionSummary>> ListVersionsAsync(CancellationToken ct = default);

    Task<string> GetTextAsync(int version, CancellationToken ct = default);

    /// <summary>Validates a proposed text and runs the policy's test cases against it. Pure: stores nothing.</summary>
    PolicyCheck Check(string yaml);
}
