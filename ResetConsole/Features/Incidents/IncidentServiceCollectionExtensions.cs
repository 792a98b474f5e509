namespace ResetConsole.Features.Incidents;

public static class IncidentServiceCollectionExtensions
{
    /// <summary>Incident reviews and the four-eyes policy change that can come out of them.</summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddSingleton<IncidentWriter>();
        services.AddSingleton<IncidentService>();
        services.AddSingleton<PolicyImpact>();
        services.AddSingleton<PolicyProposalService>();
        return services;
    }
}
