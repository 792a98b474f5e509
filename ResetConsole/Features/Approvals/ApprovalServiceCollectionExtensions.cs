namespace ResetConsole.Features.Approvals;

public static class ApprovalServiceCollectionExtensions
{
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section)
            .Validate(o => o.SweepInterval >= TimeSpan.FromSeconds(1), "Approvals:SweepInterval must be at least one second.")
            .ValidateOnStart();
        services.AddSingleton<QueueSnapshots>();
        services.AddSingleton<ApprovalService>();
        services.AddHostedService<ApprovalWorker>();
        return services;
    }
}
