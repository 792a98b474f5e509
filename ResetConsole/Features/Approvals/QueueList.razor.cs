using Microsoft.AspNetCore.Components;
using ResetConsole.Auth;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// The live part of a queue screen. On a hub event it asks for the shared page "as of" that event (one database read
/// for every open screen), and renders only if what it shows changed. Bursts coalesce.
/// </summary>
public partial class QueueList
{
    private QueuePage _page = new([], 0);
    private QueueQuery? _loaded;
    private string? _error;
    private IDisposable? _subscription;
    private int _state; // 0 idle, 1 refreshing, 2 refreshing and another change arrived
    private long _wanted;

    // One click handler per listed case, kept across renders: a new delegate each render would make every unchanged
    // row send a new event handler id to every open screen on each change.
    private readonly Dictionary<Guid, Func<Task>> _reviewHandlers = [];

    [Parameter, EditorRequired]
    public ApprovalQueue Queue { get; set; }

    [Parameter, EditorRequired]
    public QueueQuery Query { get; set; } = new();

    [Parameter, EditorRequired]
    public StaffActor Actor { get; set; } = default!;

    [Parameter]
    public string Title { get; set; } = string.Empty;

    [Parameter]
    public EventCallback<QueueItem> OnReview { get; set; }

    [Parameter]
    public EventCallback<int> OnPage { get; set; }

    [Inject]
    private ApprovalService Approvals { get; set; } = default!;

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    /// <summary>Whether the screen currently lists this case (for tests and the fan-out measurement).</summary>
    public bool ShowsCase(Guid caseId) => _page.Items.Any(i => i.CaseId == caseId);

    protected override async Task OnParametersSetAsync()
    {
        _subscription ??= Hub.Subscribe(e => e.Topic == ConsoleTopic.CaseChanged ? InvokeAsync(() => RefreshAsync(e.Sequence)) : Task.CompletedTask);
        if (_loaded != Query)
        {
            // Opening or changing the view checks the reader's current roles; live refreshes reuse the shared read.
            try
            {
                _page = await Approvals.QueueAsync(Actor, Queue, Query);
                _loaded = Query;
                _error = null;
            }
            catch (AccessRefusedException ex)
            {
                _error = ex.Message;
            }
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
                var page = await Approvals.LiveQueueAsync(Queue, Query, _wanted);
                if (page.TotalCount != _page.TotalCount || !page.Items.SequenceEqual(_page.Items))
                {
                    _page = page;
                    ForgetHandlersOfCasesThatLeft();
                    StateHasChanged();
                }
            }
        }
        while (Interlocked.CompareExchange(ref _state, 0, 1) != 1);
    }

    private Func<Task> ReviewHandler(Guid caseId)
    {
        if (!_reviewHandlers.TryGetValue(caseId, out var handler))
        {
            _reviewHandlers[caseId] = handler = () => ReviewAsync(caseId);
        }

        return handler;
    }

    // The item as listed now (a live refresh may have replaced it since the row was first rendered).
    private Task ReviewAsync(Guid caseId) =>
        _page.Items.FirstOrDefault(i => i.CaseId == caseId) is { } item ? OnReview.InvokeAsync(item) : Task.CompletedTask;

    private void ForgetHandlersOfCasesThatLeft()
    {
        if (_reviewHandlers.Count > _page.Items.Count)
        {
            var listed = _page.Items.Select(i => i.CaseId).ToHashSet();
            foreach (var gone in _reviewHandlers.Keys.Where(id => !listed.Contains(id)).ToList())
            {
                _reviewHandlers.Remove(gone);
            }
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
