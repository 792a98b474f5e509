using Microsoft.AspNetCore.Components;

namespace ResetConsole.Bench;

public sealed class FixedNavigationManager : NavigationManager
{
    public FixedNavigationManager() => Initialize("http://localhost/", "http://localhost/approvals/supervisor");

    protected override void NavigateToCore(string uri, NavigationOptions options)
    {
    }
}
