using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;
using ResetConsole.Tests.Unit.Policy;

namespace ResetConsole.Tests.Unit.Domain.Cases;

/// <summary>
/// Cases opened from real decisions of the shipped default policy. Time is fixed at <see cref="Now"/> (a Tuesday at
/// 10:00 London time, inside business hours) and moved on by hand.
/// </summary>
internal static class CaseScenarios
{
    public const string AgentId = "agent-dana";
    public const string AgentName = "Dana Whitfield";
    public const string VendorName = "Acme Outsourcing";
    public const int PolicyVersionNumber = 7;

    public static readonly DateTimeOffset Now = PolicySamples.Now;

    /// <summary>The default policy's verification-validity.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(15);

    private static readonly Lazy<IReadOnlyList<Subject>> _demo = new(() => DemoDirectoryData.Generate(Now));

    public static Subject Demo(string username) => _demo.Value.Single(s => s.Username == username);

    public static PolicyDecision Decide(
        Subject subject,
        RequestedAction action = RequestedAction.PasswordReset,
        RequestChannel channel = RequestChannel.Phone,
        bool vendor = false,
        RecentHistory? history = null,
        DateTimeOffset? at = null) =>
        PolicyFiles.Default.Evaluate(subject, action, new RequestContext(channel, AgentId, vendor, at ?? Now, history ?? RecentHistory.None));

    /// <summary>A decision that carries the "reset in the last 24 hours" signal, one tier above the subject's own.</summary>
    public static PolicyDecision DecideAfterRecentReset(Subject subject, bool vendor = false) =>
        Decide(subject, vendor: vendor, history: new RecentHistory(LastResetAt: Now.AddHours(-2)));

    public static CaseOpening Opening(Subject subject, PolicyDecision decision, string? vendor = null, RequestChannel channel = RequestChannel.Phone) =>
        new(subject, "  INC-20417  ", channel, AgentId, AgentName, vendor, decision, PolicyVersionNumber, Now);

    public static RecoveryCase Open(Subject subject, PolicyDecision decision) => RecoveryCase.Open(Opening(subject, decision));

    public static RecoveryCase OpenStandard() => Open(PolicySamples.Employee(), Decide(PolicySamples.Employee()));

    public static RecoveryCase OpenElevated() => Open(PolicySamples.FinanceApprover(), Decide(PolicySamples.FinanceApprover()));

    public static RecoveryCase OpenPrivileged() => Open(PolicySamples.DomainAdmin(), Decide(PolicySamples.DomainAdmin()));

    /// <summary>A standard case with one step that needs two different methods, which the default policy never asks for.</summary>
    public static RecoveryCase OpenWithTwoOfThreeStep()
    {
        var subject = PolicySamples.Employee();
        var decision = Decide(subject);
        StepOption[] options =
        [
            new(StepKind.Push, StepLimits.None),
            new(StepKind.ManagerAttestation, StepLimits.None),
            new(StepKind.IdentityDocument, StepLimits.None),
        ];
        var twoOfThree = new ScriptStep("two-of-three", options, 2, "test-script", [], new SourcePosition(1, 1));
        return Open(subject, decision with { Steps = [twoOfThree] });
    }

    public static StepEvidence Passed(StepKind kind, DateTimeOffset at, string byId = AgentId) =>
        new(kind, true, $"{PolicyNames<StepKind>.Name(kind)} confirmed", "ref-1", byId, AgentName, at);

    public static StepEvidence Failed(StepKind kind, DateTimeOffset at, string byId = AgentId) =>
        new(kind, false, $"{PolicyNames<StepKind>.Name(kind)} did not match", "ref-2", byId, AgentName, at);

    public static VerificationStep StepById(this RecoveryCase recoveryCase, string policyStepId) =>
        recoveryCase.Steps.Single(s => s.PolicyStepId == policyStepId);

    /// <summary>Passes every pending step with its first option(s), all at <paramref name="at"/>.</summary>
    public static RecoveryCase PassAll(this RecoveryCase recoveryCase, DateTimeOffset at)
    {
        foreach (var step in recoveryCase.Steps.Where(s => s.Status == StepStatus.Pending).ToList())
        {
            foreach (var option in step.Options.Take(step.MinCount))
            {
                recoveryCase.PassStep(step.Id, Passed(option.Kind, at), at);
            }
        }

        return recoveryCase;
    }

    /// <summary>
    /// An elevated case (it needs a supervisor's approval) brought to <paramref name="status"/> through the domain's
    /// own transitions where one exists; later states, which services reach, are set directly.
    /// </summary>
    public static RecoveryCase InState(CaseStatus status)
    {
        var recoveryCase = OpenElevated();
        var at = Now.AddMinutes(2);
        switch (status)
        {
            case CaseStatus.Verifying:
                break;
            case CaseStatus.Verified:
                recoveryCase.PassAll(at);
                break;
            case CaseStatus.AwaitingApproval:
                recoveryCase.PassAll(at).SubmitForApproval(at);
                break;
            case CaseStatus.Frozen:
                recoveryCase.Freeze("caller hesitated on their own manager's name", AgentId, at);
                break;
            case CaseStatus.Abandoned:
                recoveryCase.Abandon("caller hung up", at);
                break;
            default:
                recoveryCase.PassAll(at).SubmitForApproval(at);
                recoveryCase.Status = status;
                break;
        }

        return recoveryCase;
    }
}
