using Microsoft.AspNetCore.Components;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Components.Shared;

/// <summary>
/// A section of a live screen: it re-reads its data when the hub publishes an event it cares about, and only then
/// renders. Events arriving while a re-read runs coalesce into one more re-read, so a burst costs two queries, not
/// one per event; nothing runs on a timer, so an idle screen costs the server nothing.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private int _state; // 0 idle, 1 reading, 2 reading and another read wanted

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    /// <summary>Whether this event may change what the section shows.</summary>
    protected abstract bool Concerns(ConsoleEvent e);

    protected abstract Task ReloadAsync();

    protected override async Task OnInitializedAsync()
    {
        _subscription = Hub.Subscribe(e => Concerns(e) ? InvokeAsync(RefreshAsync) : Task.CompletedTask);
        await ReloadAsync();
    }

    /// <summary>Re-reads now (after a change made from this screen) with the same coalescing as hub events.</summary>
    protected async Task RefreshAsync()
    {
        if (Interlocked.Increment(ref _state) > 1)
        {
            Interlocked.Exchange(ref _state, 2);
            return;
        }

        do
        {
            Interlocked.Exchange(ref _state, 1);
            await ReloadAsync();
            StateHasChanged();
        }
        while (Interlocked.CompareExchange(ref _state, 0, 1) != 1);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
