using Microsoft.AspNetCore.Components;
using ResetConsole.Auth;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Verification;

/// <summary>What every step body shares: its case, its step, the acting agent and one guarded way to call the service.</summary>
public abstract class StepBodyBase : ComponentBase
{
    [Parameter, EditorRequired]
    public CaseDetails Details { get; set; } = default!;

    [Parameter, EditorRequired]
    public VerificationStep Step { get; set; } = default!;

    [Parameter, EditorRequired]
    public StaffActor Actor { get; set; } = default!;

    [Parameter]
    public EventCallback<string> OnError { get; set; }

    [Inject]
    protected VerificationService Verification { get; set; } = default!;

    protected bool Busy { get; private set; }

    /// <summary>Whether to offer actions at all. The service decides for real.</summary>
    protected bool CanAct => Details.CanWork && Step.Status == StepStatus.Pending && Details.Case.Status == CaseStatus.Verifying;

    protected Guid CaseId => Details.Case.Id;

    protected ChallengeView? Pending(StepKind kind) =>
        Details.Challenges.LastOrDefault(c => c.StepId == Step.Id && c.Kind == kind && c.Status == ChallengeStatus.Pending && c.ExpiresAt > Details.Now);

    protected async Task RunAsync(Func<Task> action)
    {
        Busy = true;
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException)
        {
            await OnError.InvokeAsync(ex.Message);
        }
        finally
        {
            Busy = false;
        }
    }
}
