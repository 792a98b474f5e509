using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using ResetConsole.Features.Approvals;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>
/// The floor for the fan-out: the same subscription, shared read and change check as the queue, rendering a bare
/// table of plain text cells (no components per row, no chips, no countdowns).
/// </summary>
public sealed class BareQueueTable : ComponentBase, IDisposable
{
    private QueuePage _page = new([], 0);
    private IDisposable? _subscription;

    [Inject]
    private ApprovalService Approvals { get; set; } = default!;

    [Inject]
    private ConsoleEventHub Hub { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Hub.Subscribe(e => InvokeAsync(async () =>
        {
            var page = await Approvals.LiveQueueAsync(ApprovalQueue.Supervisor, new QueueQuery(), e.Sequence);
            if (!page.Items.SequenceEqual(_page.Items))
            {
                _page = page;
                StateHasChanged();
            }
        }));
        _page = await Approvals.LiveQueueAsync(ApprovalQueue.Supervisor, new QueueQuery(), Hub.Sequence);
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "table");
        foreach (var item in _page.Items)
        {
            builder.OpenElement(1, "tr");
            builder.SetKey(item.CaseId);
            builder.OpenElement(2, "td");
            builder.AddContent(3, item.Reference);
            builder.CloseElement();
            builder.OpenElement(4, "td");
            builder.AddContent(5, item.SubjectDisplayName);
            builder.CloseElement();
            builder.OpenElement(6, "td");
            builder.AddContent(7, item.TierName);
            builder.CloseElement();
            builder.OpenElement(8, "td");
            builder.AddContent(9, item.DueAt.ToString("HH:mm"));
            builder.CloseElement();
            builder.CloseElement();
        }

        builder.CloseElement();
    }

    public void Dispose() => _subscription?.Dispose();
}
