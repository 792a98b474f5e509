namespace ResetConsole.Features.Execution;

public static class ExecutionServiceCollectionExtensions
{
    public static IServiceCollection AddExecution(this IServiceCollection services)
    {
        services.AddSingleton<ExecutionService>();
        services.AddHostedService<ExecutionWorker>();
        return services;
    }
}
