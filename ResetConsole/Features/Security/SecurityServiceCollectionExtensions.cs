using ResetConsole.Features.Audit;
using ResetConsole.Features.Exceptions;

namespace ResetConsole.Features.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Exceptions and their worker, security alerts, the dashboard's reads and the trend queries.</summary>
    public static IServiceCollection AddSecurityOversight(this IServiceCollection services)
    {
        services.AddOptions<ExceptionOptions>().BindConfiguration(ExceptionOptions.Section)
            .Validate(o => o.SweepInterval >= TimeSpan.FromSeconds(1), "Exceptions:SweepInterval must be at least one second.")
            .ValidateOnStart();
        services.AddSingleton<SecurityAlerts>();
        services.AddSingleton<ExceptionService>();
        services.AddSingleton<SecurityDashboardService>();
        services.AddSingleton<TrendService>();
        services.AddHostedService<ExceptionWorker>();

        // Reading the trail: the audit page, exports and evidence packs.
        services.AddSingleton<AuditReader>();
        services.AddSingleton<IAuditEntryCheck, AuditEntryCheck>();
        services.AddSingleton<EvidencePackService>();
        return services;
    }
}
