using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>
/// Policy versions from the database, each compiled once and kept: evaluation then costs microseconds. The active
/// version is the most recently activated one.
/// </summary>
public sealed class PolicyCatalog(IDbContextFactory<AppDbContext> dbFactory, PolicyTestSuite tests) : IPolicyCatalog
{
    private readonly ConcurrentDictionary<int, CompiledPolicy> _compiled = new();
    private ActivePolicy? _active;

    public async Task<ActivePolicy> GetActiveAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _active) is { } active)
        {
            return active;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.ActivatedAt).ThenByDescending(v => v.Number).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No policy version is stored; start-up seeds version 1.");
        active = new ActivePolicy(latest.Number, latest.Sha256, Compile(latest), latest.ActivatedAt, latest.AuthorName, latest.ApproverName);
        Volatile.Write(ref _active, active);
        return active;
    }

    public async Task<CompiledPolicy> GetVersionAsync(int version, CancellationToken ct = default)
    {
        if (_compiled.TryGetValue(version, out var compiled))
        {
            return compiled;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.PolicyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == version, ct)
            ?? throw new KeyNotFoundException($"Policy version {version} does not exist.");
        return Compile(stored);
    }

    public async Task<IReadOnlyList<PolicyVersionSummary>> ListVersionsAsync(CancellationToken ct = default)
    {
        var active = await GetActiveAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Sha256, v.AuthorName, v.ApproverName, v.Reason, v.ActivatedAt, v.ProposalId, v.IncidentId })
            .ToListAsync(ct);
        return versions.Select(v => new PolicyVersionSummary(v.Number, v.Sha256, v.AuthorName, v.ApproverName, v.Reason, v.ActivatedAt, v.Number == active.Version)
        {
            ProposalId = v.ProposalId,
            IncidentId = v.IncidentId,
        }).ToList();
    }

    public async Task<string> GetTextAsync(int version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PolicyVersions.AsNoTracking().Where(v => v.Number == version).Select(v => v.Yaml).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"Policy version {version} does not exist.");
    }

    public PolicyCheck Check(string yaml)
    {
        var loaded = PolicyLoader.Load(yaml);
        return loaded.Succeeded
            ? new PolicyCheck(PolicyText.Sha256(yaml), [], tests.Run(loaded.Policy))
            : new PolicyCheck(PolicyText.Sha256(yaml), loaded.Errors, []);
    }

    /// <summary>Forgets the active version, after a new one is activated.</summary>
    public void InvalidateActive() => Volatile.Write(ref _active, null);

    private CompiledPolicy Compile(PolicyVersion stored) => _compiled.GetOrAdd(stored.Number, _ =>
    {
        var loaded = PolicyLoader.Load(stored.Yaml);
        return loaded.Policy ?? throw new InvalidOperationException(
            $"Stored policy version {stored.Number} no longer validates: {string.Join("; ", loaded.Errors)}.");
    });
}
