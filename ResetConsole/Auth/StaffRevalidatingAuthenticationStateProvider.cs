using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace ResetConsole.Auth;

/// <summary>
/// Re-checks an open circuit's person every few minutes, so a person switched off or whose roles changed loses the
/// console without waiting for their cookie to expire.
/// </summary>
public sealed class StaffRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, StaffDirectory staff, IOptions<ConsoleAuthOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.Identity?.IsAuthenticated == true
            ? staff.IsCurrentAsync(authenticationState.User, SignInTime.Read(authenticationState.User), cancellationToken)
            : Task.FromResult(false);
}
