using Microsoft.AspNetCore.Components;
using ResetConsole.Infrastructure;

namespace ResetConsole.Features.Bench;

/// <summary>
/// A page that exists only for the load harness's floors: with <c>Bench:Diagnostics</c> off it answers Not found,
/// so a production console shows nothing at these addresses.
/// </summary>
public abstract class BenchPage : ComponentBase
{
    [Inject]
    private IConfiguration Configuration { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected bool IsOn { get; private set; }

    protected override void OnInitialized()
    {
        IsOn = BenchDiagnostics.IsOn(Configuration);
        if (!IsOn)
        {
            Navigation.NotFound();
        }
    }
}
