using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using ResetConsole.Auth;
using ResetConsole.Features.Policy;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// A queue screen: the filter and the decision dialog. The live list is <see cref="QueueList"/>, which alone
/// re-renders when the queue changes, so a decision elsewhere costs each open screen only its table's diff.
/// </summary>
public partial class ApprovalQueueView
{
    private const int PageSize = 50;

    private QueueQuery _query = new(PageSize: PageSize);
    private IReadOnlyList<TierDefinition> _tiers = [];
    private StaffActor? _actor;

    [Parameter, EditorRequired]
    public ApprovalQueue Queue { get; set; }

    [Inject]
    private IPolicyCatalog PolicyCatalog { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string Title => Queue == ApprovalQueue.Security ? "Security approval queue" : "Supervisor approval queue";

    protected override async Task OnParametersSetAsync()
    {
        _actor = StaffActor.From((await AuthenticationState).User);
        _tiers = (await PolicyCatalog.GetActiveAsync()).Policy.Definition.Tiers;
    }

    private void TierChanged(string? tier) => _query = _query with { TierId = tier, Page = 0 };

    private void GoTo(int page) => _query = _query with { Page = Math.Max(0, page) };

    private async Task ReviewAsync(QueueItem item)
    {
        var dialog = await Dialogs.ShowAsync<ApprovalDialog>($"Review {item.Reference}",
            new DialogParameters<ApprovalDialog> { { d => d.CaseId, item.CaseId }, { d => d.Actor, _actor! } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        await dialog.Result;
    }
}
