using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResetConsole.Data;
using ResetConsole.Infrastructure;
using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>
/// At start-up: the policy file must validate, the shipped policy tests must pass against it, and an empty database
/// is seeded with it as version 1. After that the database is the source of truth; a changed file is only reported.
/// </summary>
public sealed class PolicyBootstrap(
    IDbContextFactory<AppDbContext> dbFactory,
    IPolicyCatalog catalog,
    IOptions<PolicyOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<PolicyBootstrap> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));
        if (!File.Exists(path))
        {
            throw new StartupException($"The policy file '{path}' does not exist; set Policy:Path to the recovery policy YAML.");
        }

        var yaml = await File.ReadAllTextAsync(path, ct);
        var check = catalog.Check(yaml);
        if (!check.IsValid)
        {
            throw new StartupException($"The policy file '{path}' is invalid: {string.Join("; ", check.Errors)}.");
        }

        if (check.TestResults.FirstOrDefault(r => !r.Passed) is { } failed)
        {
            throw new StartupException($"The policy file '{path}' fails its own test cases: {failed.Message}");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.PolicyVersions.AnyAsync(ct))
        {
            var now = time.GetUtcNow();
            db.PolicyVersions.Add(new PolicyVersion
            {
                Number = 1,
                Sha256 = check.Sha256,
                Yaml = yaml,
                AuthorId = "system",
                AuthorName = $"Policy file {options.Value.Path}",
                ApproverId = "system",
                ApproverName = "Start-up seed",
                Reason = "First start: the shipped policy file becomes version 1.",
                CreatedAt = now,
                ActivatedAt = now,
            });
            await db.SaveChangesAsync(ct);
        }

        var active = await catalog.GetActiveAsync(ct);
        PolicyLog.PolicyActive(logger, active.Version, active.Sha256);
        if (active.Sha256 != check.Sha256)
        {
            PolicyLog.FileDiffersFromActive(logger, path, active.Version);
        }
    }
}
