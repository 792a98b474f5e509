using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using ResetConsole.Features.Approvals;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>What one supervisor's screen renders: MudBlazor's providers around the live supervisor queue.</summary>
public sealed class ScreenRoot : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<ApprovalQueueView>(1);
        builder.AddComponentParameter(2, nameof(ApprovalQueueView.Queue), ApprovalQueue.Supervisor);
        builder.CloseComponent();
    }
}
