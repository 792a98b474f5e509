using ResetConsole.Features.Policy;
using ResetConsole.Policy;
using ResetConsole.Tests.Unit.Policy;

namespace ResetConsole.Tests.Support;

/// <summary>The shipped policy as version 1, without a database: for component tests.</summary>
public sealed class StaticPolicyCatalog : IPolicyCatalog
{
    private static readonly DateTimeOffset _activatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _yaml = File.ReadAllText(PolicyFiles.DefaultPolicyPath);

    public Task<ActivePolicy> GetActiveAsync(CancellationToken ct = default) =>
        Task.FromResult(new ActivePolicy(1, PolicyText.Sha256(_yaml), PolicyFiles.Default, _activatedAt, "Policy file", "Start-up seed"));

    public Task<CompiledPolicy> GetVersionAsync(int version, CancellationToken ct = default) => Task.FromResult(PolicyFiles.Default);

    public Task<IReadOnlyList<PolicyVersionSummary>> ListVersionsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PolicyVersionSummary>>(
            [new PolicyVersionSummary(1, PolicyText.Sha256(_yaml), "Policy file", "Start-up seed", "seed", _activatedAt, true)]);

    public Task<string> GetTextAsync(int version, CancellationToken ct = default) => Task.FromResult(_yaml);

    public PolicyCheck Check(string yaml)
    {
        var loaded = PolicyLoader.Load(yaml);
        return new PolicyCheck(PolicyText.Sha256(yaml), loaded.Errors, []);
    }
}
