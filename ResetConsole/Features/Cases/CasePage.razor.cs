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

    /// <summary>
    /// The case and time the prerender re-evaluated, carried into the interactive circuit so the page's second load
    /// (the circuit starting a moment later) reads the case without re-evaluating it again. Halves the work of every
    /// page load, which matters most when every agent reloads at once after a restart. Submitting and executing
    /// re-evaluate on their own, so a forged value can at most skip this display-time refresh.
    /// </summary>
    [PersistentState]
    public PrerenderRefresh? Prerendered { get; set; }

    [Inject]
    private CaseService Cases { get; set; } = default!;

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = StaffActor.From(user);
        // The evidence pack checks its own access; this only decides whether to show the link.
        _seesEvidence = (await Authorization.AuthorizeAsync(user, Policies.ViewSecurity)).Succeeded;
        _subscription ??= Hub.Subscribe(OnEventAsync);
        try
        {
            var now = Time.GetUtcNow();
            if (Prerendered is not { } done || done.CaseId != Id || now - done.At > TimeSpan.FromSeconds(30) || now < done.At)
            {
                await Cases.RefreshAsync(_actor, Id);
            }

            Prerendered = RendererInfo.IsInteractive ? null : new PrerenderRefresh(Id, now);
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

/// <summary>What <see cref="CasePage.Prerendered"/> carries from the prerender to the circuit.</summary>
public sealed record PrerenderRefresh(Guid CaseId, DateTimeOffset At);
