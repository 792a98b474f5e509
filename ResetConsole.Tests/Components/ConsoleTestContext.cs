using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Infrastructure;

namespace ResetConsole.Tests.Components;

/// <summary>
/// bUnit with MudBlazor's services and the console's real authorization policies, signed in as whoever a test says.
/// Policies are evaluated for real, so a test checks what a role sees, not what a fake was told to answer.
/// </summary>
public class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    private readonly FixedAuthenticationStateProvider _auth = new();

    public ConsoleTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddConsoleMudServices();
        Services.AddAuthorizationCore();
        // bUnit registers a placeholder that refuses to answer; the real service evaluates the real policies.
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<IAuthorizationPolicyProvider>(sp => new DefaultAuthorizationPolicyProvider(
            Microsoft.Extensions.Options.Options.Create(BuildPolicies())));
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(_auth);
        Services.AddSingleton(new DemoMode(true));
    }

    public ClaimsPrincipal SignIn(string name, params string[] roles)
    {
        var claims = new List<Claim> { new(StaffClaims.Subject, name.ToLowerInvariant()), new(StaffClaims.Name, name) };
        claims.AddRange(roles.Select(r => new Claim(StaffClaims.Role, r)));
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test", StaffClaims.Name, StaffClaims.Role));
        _auth.User = user;
        return user;
    }

    Task IAsyncLifetime.InitializeAsync() => OnInitializeAsync();

    // MudBlazor's services are only asynchronously disposable; xUnit v2 would otherwise dispose them synchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await OnDisposeAsync();
        await base.DisposeAsync();
    }

    protected virtual Task OnInitializeAsync() => Task.CompletedTask;

    protected virtual Task OnDisposeAsync() => Task.CompletedTask;

    private static AuthorizationOptions BuildPolicies()
    {
        var services = new ServiceCollection();
        services.AddAuthorizationBuilder().AddConsolePolicies();
        return services.BuildServiceProvider().GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
    }

    private sealed class FixedAuthenticationStateProvider : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }
}
