using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ResetConsole.Auth;
using ResetConsole.Domain.Incidents;
using ResetConsole.Features.Policy;

namespace ResetConsole.Features.Incidents;

public partial class ProposePolicyPage
{
    private StaffActor? _actor;
    private IReadOnlyList<IncidentChoice> _incidents = [];
    private Guid? _incidentId;
    private string? _reason;
    private string? _yaml;
    private int _activeVersion;
    private ProposalReview? _review;
    private string? _error;
    private string? _loadError;
    private bool _loaded;
    private bool _busy;

    [SupplyParameterFromQuery(Name = "incident")]
    public Guid? FromIncident { get; set; }

    [Inject]
    private PolicyProposalService Proposals { get; set; } = default!;

    [Inject]
    private IncidentService Incidents { get; set; } = default!;

    [Inject]
    private IPolicyCatalog Catalog { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = StaffActor.From((await AuthenticationState).User);
        try
        {
            var active = await Catalog.GetActiveAsync();
            _activeVersion = active.Version;
            _yaml = await Catalog.GetTextAsync(active.Version);
            _incidents = await Incidents.OpenIncidentsAsync(_actor);
            _incidentId = _incidents.Any(i => i.Id == FromIncident) ? FromIncident : null;
            _loaded = true;
        }
        catch (AccessRefusedException ex)
        {
            _loadError = ex.Message;
        }
    }

    private string Describe(Guid? id) => _incidents.FirstOrDefault(i => i.Id == id) is { } incident ? $"{incident.Reference}: {incident.Title}" : string.Empty;

    private Task PreviewAsync() => RunAsync(async () => _review = await Proposals.PreviewAsync(_actor!, _yaml ?? string.Empty, _incidentId));

    private Task ProposeAsync() => RunAsync(async () =>
    {
        var id = await Proposals.ProposeAsync(_actor!, new ProposalDraft(_yaml ?? string.Empty, _reason ?? string.Empty, _incidentId));
        Navigation.NavigateTo($"/policy/proposals/{id}");
    });

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (ProposalInvalidException)
        {
            _error = "The proposal was refused: fix the problems the checker lists.";
            _review = await Proposals.PreviewAsync(_actor!, _yaml ?? string.Empty, _incidentId);
        }
        catch (Exception ex) when (ex is IncidentRuleException or AccessRefusedException)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
