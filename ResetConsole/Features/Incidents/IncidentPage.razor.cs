using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ResetConsole.Auth;
using ResetConsole.Domain.Incidents;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Features.Incidents;

/// <summary>One incident review: its cases, findings, and the policy changes proposed from it with their diff and before/after.</summary>
public partial class IncidentPage
{
    private IncidentDetails? _details;
    private IReadOnlyList<ProposalDetails> _proposals = [];
    private readonly HashSet<Guid> _expanded = [];
    private StaffActor? _actor;
    private IDisposable? _subscription;
    private string? _findings;
    private string? _closingNote;
    private string? _error;
    private string? _loadError;
    private bool _busy;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private IncidentService Incidents { get; set; } = default!;

    [Inject]
    private PolicyProposalService Proposals { get; set; } = default!;

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _actor = StaffActor.From((await AuthenticationState).User);
        _subscription ??= Hub.Subscribe(e => e.Topic is ConsoleTopic.IncidentChanged or ConsoleTopic.PolicyChanged
            ? InvokeAsync(ReloadAndRenderAsync)
            : Task.CompletedTask);
        await LoadAsync();
        _findings = _details?.Incident.Findings;
    }

    private async Task LoadAsync()
    {
        try
        {
            _details = await Incidents.GetAsync(_actor!, Id);
            var proposals = new List<ProposalDetails>();
            foreach (var summary in await Proposals.ListAsync(_actor!, Id))
            {
                proposals.Add(await Proposals.GetAsync(_actor!, summary.Id));
            }

            _proposals = proposals;
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

    private void Toggle(Guid proposalId)
    {
        if (!_expanded.Remove(proposalId))
        {
            _expanded.Add(proposalId);
        }
    }

    private Task SaveFindingsAsync() => RunAsync(() => Incidents.RecordFindingsAsync(_actor!, Id, _findings ?? string.Empty));

    private Task CloseAsync() => RunAsync(() => Incidents.CloseAsync(_actor!, Id, _closingNote ?? string.Empty));

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            _closingNote = null;
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
