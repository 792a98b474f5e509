using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using ResetConsole.Auth;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Policy;
using ResetConsole.Policy;

namespace ResetConsole.Features.Cases;

public partial class CasesPage
{
    private MudTable<CaseSummary>? _table;
    private CaseScope _scope = CaseScope.Mine;
    private CaseStatus? _status;
    private string? _tier;
    private IReadOnlyList<TierDefinition> _tiers = [];

    [Inject]
    private CaseService Cases { get; set; } = default!;

    [Inject]
    private IPolicyCatalog PolicyCatalog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _tiers = (await PolicyCatalog.GetActiveAsync()).Policy.Definition.Tiers;
        var user = (await AuthenticationState).User;
        _scope = user.IsInRole(Roles.Agent) ? CaseScope.Mine : CaseScope.AllOpen;
    }

    private async Task<TableData<CaseSummary>> LoadAsync(TableState state, CancellationToken ct)
    {
        var actor = StaffActor.From((await AuthenticationState).User);
        var page = await Cases.ListAsync(actor, new CaseListQuery(_scope, _status, _tier, state.Page, state.PageSize), ct);
        return new TableData<CaseSummary> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task ScopeChangedAsync(CaseScope scope) => ReloadAfter(() => _scope = scope);

    private Task StatusChangedAsync(CaseStatus? status) => ReloadAfter(() => _status = status);

    private Task TierChangedAsync(string? tier) => ReloadAfter(() => _tier = tier);

    private async Task ReloadAfter(Action change)
    {
        change();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }
}
