using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Data;
using ResetConsole.Features.Audit;

namespace ResetConsole.Tests.Support;

/// <summary>The real audit log, except that appending the chosen action fails as a full disk or a bug would.</summary>
internal sealed class FailingAuditLog(IAuditLog inner, FailingAuditLog.Switch failOn) : IAuditLog
{
    /// <summary>Puts the failing log in place of the real one, failing whatever <paramref name="failOn"/> names.</summary>
    public static void Replace(IServiceCollection services, Switch failOn) =>
        services.AddSingleton<IAuditLog>(sp => new FailingAuditLog(ActivatorUtilities.CreateInstance<AuditLog>(sp), failOn));

    public Task AppendAsync(AppDbContext db, AuditRecord record, CancellationToken ct = default) =>
        record.Action == failOn.Action ? throw new InvalidOperationException("the audit store refused the entry") : inner.AppendAsync(db, record, ct);

    public Task AppendAloneAsync(AuditRecord record, CancellationToken ct = default) => inner.AppendAloneAsync(record, ct);

    public sealed class Switch
    {
        public string? Action { get; set; }
    }
}
