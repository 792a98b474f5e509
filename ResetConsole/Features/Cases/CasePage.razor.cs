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

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private CaseService Cases { get; set; } = default!;

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _actor = StaffActor.From((await AuthenticationState).User);
        _subscription ??= Hub.Subscribe(OnEventAsync);
        try
        {
            await Cases.RefreshAsync(_actor, Id);
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException)
        {
            _loadError = ex.Message;
            return;
        }

        await ReloadAsync();
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
