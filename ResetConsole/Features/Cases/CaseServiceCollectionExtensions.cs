using ResetConsole.Features.Verification;

namespace ResetConsole.Features.Cases;

public static class CaseServiceCollectionExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.Section).ValidateOnStart();
        services.AddSingleton<CaseHistory>();
        services.AddSingleton<CaseWriter>();
        services.AddSingleton<SubjectProtector>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<VerificationService>();
        services.AddSingleton<ChallengeResponder>();
        services.AddSingleton<IIdentityVerificationProvider, DemoIdentityVerificationProvider>();
        return services;
    }
}
