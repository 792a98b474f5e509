using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ResetConsole.Auth;
using ResetConsole.Domain.Cases;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Features.Cases;

/// <summary>
/// The agent's working screen for one case. It re-reads the case whenever the hub says it changed (a push answered
/// on a phone, a manager attesting), so the cards update live without a reload.
/// </summary>
public partial class CasePage
{
    private CaseDetails? _details;
    private StaffActor? _actor;
    private string? _error;
    private string? _loadError;
    private IDisposable? _subscription;
    private int _reloading;
    private bool _seesEvidence;

    private static readonly MarkupString CloseIcon = Components.Layout.SvgIcon.Render(MudBlazor.Icons.Material.Filled.Close, "small");

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private CaseService Cases { get; set; } = default!;

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>
    /// Reads the case before the first render rather than in <c>OnParametersSetAsync</c>: a render while the read is
    /// under way would only repeat the prerendered "Loading" line, and the buffer it filled would stay with the page for
    /// as long as it is open (docs/performance.md, "Circuit footprint").
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        await LoadAsync();
        await base.SetParametersAsync(ParameterView.Empty);
    }

    private async Task LoadAsync()
    {
        // Prerendering shows the page's frame only: the circuit that follows a moment later renders everything again,
        // so reading and re-evaluating the case there too would double the work of every page load (and of every
        // agent reloading at once after a restart: docs/performance.md, "Reconnect storm").
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var user = (await AuthenticationState).User;
        _actor = StaffActor.From(user);
        // The evidence pack checks its own access; this only decides whether to show the link.
        _seesEvidence = (await Authorization.AuthorizeAsync(user, Policies.ViewSecurity)).Succeeded;
        _subscription ??= Hub.Subscribe(OnEventAsync);
        try
        {
            _details = await Cases.RefreshAsync(_actor, Id);
            _loadError = null;
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException)
        {
            _loadError = ex.Message;
        }
    }

    private Task OnEventAsync(ConsoleEvent e) =>
        e.CaseId == Id && e.Topic is ConsoleTopic.CaseChanged or ConsoleTopic.ChallengeChanged
            ? InvokeAsync(async () =>
            {
                // Bursts of events coalesce into one re-read.
                if (Interlocked.Exchange(ref _reloading, 1) == 1)
                {
                    return;
                }

                try
                {
                    await ReloadAsync();
                    StateHasChanged();
                }
                finally
                {
                    Interlocked.Exchange(ref _reloading, 0);
                }
            })
            : Task.CompletedTask;

    private async Task ReloadAsync()
    {
        try
        {
            _details = await Cases.GetAsync(_actor!, Id);
            _loadError = null;
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException)
        {
            _loadError = ex.Message;
        }
    }

    private void ShowError(string message) => _error = message;

    public void Dispose() => _subscription?.Dispose();
}
