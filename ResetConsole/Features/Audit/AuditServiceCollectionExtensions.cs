using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ResetConsole.Data;

namespace ResetConsole.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.TryAddSingleton<AuditFiles>();
        services.TryAddSingleton<AuditKeySource>();
        services.TryAddSingleton(sp => sp.GetRequiredService<AuditKeySource>().Keyring());
        services.TryAddSingleton<IAuditLog, AuditLog>();
        services.TryAddSingleton<AuditCheckpointFile>();
        services.TryAddSingleton<AuditVerifier>();
        services.TryAddSingleton<AuditCheckpointer>();
        services.TryAddSingleton<AuditSiem>();
        services.TryAddSingleton<AuditSiemInterceptor>();
        services.ConfigureDbContext<AppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AuditSiemInterceptor>()), ServiceLifetime.Singleton);
        services.AddHttpClient(AuditCheckpointer.WebhookClient, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<AuditCheckpointWorker>();
        return services;
    }
}
