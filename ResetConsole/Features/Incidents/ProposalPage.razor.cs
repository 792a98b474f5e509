using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ResetConsole.Auth;
using ResetConsole.Domain.Incidents;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Features.Incidents;

/// <summary>One proposed policy change: what it changes and for whom, and the four-eyes decision. Live: a decision made elsewhere shows at once.</summary>
public partial class ProposalPage
{
    private ProposalDetails? _details;
    private StaffActor? _actor;
    private IDisposable? _subscription;
    private string? _note;
    private string? _error;
    private string? _loadError;
    private bool _busy;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private PolicyProposalService Proposals { get; set; } = default!;

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _actor = StaffActor.From((await AuthenticationState).User);
        _subscription ??= Hub.Subscribe(e => e.Topic == ConsoleTopic.PolicyChanged ? InvokeAsync(ReloadAndRenderAsync) : Task.CompletedTask);
        await LoadAsync();
    }

    private static string StatusText(PolicyProposal proposal) => proposal.Status switch
    {
        ProposalStatus.Activated => $"Approved and active as version {proposal.ActivatedVersion}",
        ProposalStatus.Proposed => "Proposed, waiting for approval",
        _ => proposal.Status.ToString(),
    };

    private async Task LoadAsync()
    {
        try
        {
            _details = await Proposals.GetAsync(_actor!, Id);
            _loadError = null;
        }
        catch (Exception ex) when (ex is IncidentRuleException or AccessRefusedException)
        {
            _loadError = ex.Message;
        }
    }

    private async Task ReloadAndRenderAsync()
    {
        if (!_busy)
        {
            await LoadAsync();
            StateHasChanged();
        }
    }

    private Task ApproveAsync() => RunAsync(() => Proposals.ApproveAsync(_actor!, Id, _note));

    private Task RejectAsync() => RunAsync(() => Proposals.RejectAsync(_actor!, Id, _note ?? string.Empty));

    private Task WithdrawAsync() => RunAsync(() => Proposals.WithdrawAsync(_actor!, Id, _note));

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            _note = null;
        }
        catch (Exception ex) when (ex is IncidentRuleException or AccessRefusedException)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
