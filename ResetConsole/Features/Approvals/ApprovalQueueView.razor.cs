using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using ResetConsole.Auth;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Policy;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// A live approval queue. When the hub says a case changed, the page re-queries its page of items (bursts coalesce
/// into one query); rows whose item did not change skip rendering, so an update costs little per screen.
/// </summary>
public partial class ApprovalQueueView
{
    private const int PageSize = 50;

    private QueuePage _page = new([], 0);
    private IReadOnlyList<TierDefinition> _tiers = [];
    private string? _tier;
    private int _pageIndex;
    private string? _error;
    private StaffActor? _actor;
    private IDisposable? _subscription;
    private int _state; // 0 idle, 1 loading, 2 loading and another change arrived
    private long _wanted;

    [Parameter, EditorRequired]
    public ApprovalQueue Queue { get; set; }

    [Inject]
    private ApprovalService Approvals { get; set; } = default!;

    [Inject]
    private IPolicyCatalog PolicyCatalog { get; set; } = default!;

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string Title => Queue == ApprovalQueue.Security ? "Security approval queue" : "Supervisor approval queue";

    protected override async Task OnParametersSetAsync()
    {
        _actor = StaffActor.From((await AuthenticationState).User);
        _tiers = (await PolicyCatalog.GetActiveAsync()).Policy.Definition.Tiers;
        _subscription ??= Hub.Subscribe(e => e.Topic == ConsoleTopic.CaseChanged ? InvokeAsync(() => RefreshAsync(e.Sequence)) : Task.CompletedTask);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _page = await Approvals.QueueAsync(_actor!, Queue, new QueueQuery(_tier, _pageIndex, PageSize));
            _error = null;
        }
        catch (AccessRefusedException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task RefreshAsync(long sequence)
    {
        _wanted = Math.Max(_wanted, sequence);
        if (Interlocked.Increment(ref _state) > 1)
        {
            return;
        }

        do
        {
            Volatile.Write(ref _state, 1);
            if (_error is null)
            {
                var page = await Approvals.LiveQueueAsync(Queue, new QueueQuery(_tier, _pageIndex, PageSize), _wanted);
                if (!page.Items.SequenceEqual(_page.Items) || page.TotalCount != _page.TotalCount)
                {
                    _page = page;
                    StateHasChanged();
                }
            }
        }
        while (Interlocked.CompareExchange(ref _state, 0, 1) != 1);
    }

    private async Task TierChangedAsync(string? tier)
    {
        _tier = tier;
        _pageIndex = 0;
        await LoadAsync();
    }

    private async Task GoToAsync(int page)
    {
        _pageIndex = Math.Max(0, page);
        await LoadAsync();
    }

    private async Task ReviewAsync(QueueItem item)
    {
        var dialog = await Dialogs.ShowAsync<ApprovalDialog>($"Review {item.Reference}",
            new DialogParameters<ApprovalDialog> { { d => d.CaseId, item.CaseId }, { d => d.Actor, _actor! } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        await dialog.Result;
        await LoadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
