using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using ResetConsole.Auth;
using ResetConsole.Infrastructure;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Bench;

/// <summary>What one simulated screen's renderer needs: MudBlazor, a silent JS runtime, and a signed-in person.</summary>
public static class BenchUi
{
    /// <param name="add">The console services the screen injects, taken from the host.</param>
    public static ServiceProvider Build(BenchHost host, StaffActor person, string role, Action<IServiceCollection> add)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddConsoleMudServices();
        services.AddSingleton<IJSRuntime, SilentJsRuntime>();
        services.AddSingleton<NavigationManager, FixedNavigationManager>();
        services.AddAuthorizationCore();
        services.AddCascadingAuthenticationState();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(StaffClaims.Subject, person.Id), new Claim(StaffClaims.Issuer, person.Issuer), new Claim(StaffClaims.Name, person.Name), new Claim(StaffClaims.Role, role)],
            "bench", StaffClaims.Name, StaffClaims.Role));
        services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(principal));
        services.AddSingleton(host.Get<ConsoleEventHub>());
        services.AddSingleton(host.Get<TimeProvider>());
        add(services);
        return services.BuildServiceProvider();
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}
