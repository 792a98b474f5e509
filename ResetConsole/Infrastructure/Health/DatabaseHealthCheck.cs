using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ResetConsole.Data;

namespace ResetConsole.Infrastructure.Health;

/// <summary>Ready means: the database answers, its pragmas are right, and no migration is pending.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pragmas = await SqlitePragmas.ReadAsync(db, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var data = new Dictionary<string, object> { ["pragmas"] = pragmas.ToString(), ["pendingMigrations"] = pending.Count };
            if (!pragmas.IsRight)
            {
                return HealthCheckResult.Unhealthy("SQLite pragmas are not as required.", data: data);
            }

            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable, pragmas right, migrations applied.", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }
    }
}
