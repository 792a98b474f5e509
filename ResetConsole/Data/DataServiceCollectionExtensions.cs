using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ResetConsole.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddConsoleData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Database:Path must name the SQLite file.")
            .Validate(o => o.BusyTimeout > TimeSpan.Zero, "Database:BusyTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<AppDbContext>((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var path = options.ResolvePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            o.UseSqlite($"Data Source={path}")
                .AddInterceptors(new SqlitePragmaInterceptor(options.BusyTimeout));
        });
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
