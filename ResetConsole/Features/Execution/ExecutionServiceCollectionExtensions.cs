namespace ResetConsole.Features.Execution;

public static class ExecutionServiceCollectionExtensions
{
    public static IServiceCollection AddExecution(this IServiceCollection services)
    {
        services.AddSingleton<ExecutionService>();
        services.AddSingleton<CoolDownService>();
        services.AddHostedService<ExecutionWorker>();
        return services;
    }
}
