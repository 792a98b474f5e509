namespace ResetConsole.Features.Policy;

public static class PolicyServiceCollectionExtensions
{
    public static IServiceCollection AddRecoveryPolicy(this IServiceCollection services)
    {
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Policy:Path must name the recovery policy YAML file.")
            .ValidateOnStart();
        services.AddSingleton<PolicyTestSuite>();
        services.AddSingleton<PolicyCatalog>();
        services.AddSingleton<IPolicyCatalog>(sp => sp.GetRequiredService<PolicyCatalog>());
        services.AddSingleton<PolicyBootstrap>();
        services.AddSingleton<PolicySimulator>();
        return services;
    }
}
