using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;
using ResetConsole.Tests.Unit.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

/// <summary>
/// Execution under the default policy: <see cref="RecoveryCase.WhyNotExecutable"/>, <see cref="RecoveryCase.BeginExecution"/>,
/// <see cref="RecoveryCase.SettleExecution"/>, <see cref="RecoveryCase.RetryExecution"/>, the cool-down (started by
/// <see cref="RecoveryCase.Decide"/>, cancelled or overridden), the post-reset plan built at open, and
/// <see cref="SideEffect"/>'s retry bookkeeping. Standard needs no approval; elevated needs one (valid 30 minutes);
/// privileged needs two (valid an hour) and then cools down for 60 minutes.
/// </summary>
public sealed class RecoveryCaseExecutionTests
{
    private const string Executor = AgentId;
    private static readonly DateTimeOffset VerifiedAt = Now.AddMinutes(2);
    private static readonly DateTimeOffset DecidedAt = VerifiedAt.AddMinutes(3);
    private static readonly DateTimeOffset ExecuteAt = DecidedAt.AddMinutes(1);
    private static readonly TimeSpan ElevatedValidity = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan PrivilegedValidity = TimeSpan.FromHours(1);

    // The second privileged approval comes a minute after the first; the cool-down runs 60 minutes from it.
    private static readonly DateTimeOffset FinalApprovalAt = DecidedAt.AddMinutes(1);
    private static readonly DateTimeOffset CoolDownEnds = FinalApprovalAt.AddMinutes(60);

    private static RecoveryCase VerifiedStandard() => OpenStandard().PassAll(VerifiedAt);

    private static ApprovalDecision Approve(RecoveryCase recoveryCase, string approverId, DateTimeOffset at) =>
        recoveryCase.Decide(approverId, approverId, "SecurityLead", true, null, ApprovalHash.Compute(recoveryCase), at);

    private static RecoveryCase ApprovedElevated()
    {
        var recoveryCase = InState(CaseStatus.AwaitingApproval);
        Approve(recoveryCase, "sue", DecidedAt);
        return recoveryCase;
    }

    private static RecoveryCase AwaitingPrivileged()
    {
        var recoveryCase = OpenPrivileged().PassAll(VerifiedAt);
        recoveryCase.SubmitForApproval(VerifiedAt);
        return recoveryCase;
    }

    private static RecoveryCase CoolingDownPrivileged()
    {
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee", DecidedAt);
        Approve(recoveryCase, "lin", FinalApprovalAt);
        return recoveryCase;
    }

    private static RecoveryCase ExecutingStandard()
    {
        var recoveryCase = VerifiedStandard();
        recoveryCase.BeginExecution(Executor, ExecuteAt);
        return recoveryCase;
    }

    private static RecoveryCase NeedingAttention()
    {
        var recoveryCase = ExecutingStandard();
        recoveryCase.SideEffects[0].MarkApplied("temporary password sent", ExecuteAt);
        recoveryCase.SideEffects[1].MarkFailed("directory unavailable", true, null, ExecuteAt);
        recoveryCase.SideEffects[2].MarkApplied("notice sent", ExecuteAt);
        recoveryCase.SettleExecution(ExecuteAt);
        return recoveryCase;
    }

    private static Subject SubjectInTier(string tierId) => tierId switch
    {
        "standard" => PolicySamples.Employee(),
        "elevated" => PolicySamples.FinanceApprover(),
        "privileged" => PolicySamples.DomainAdmin(),
        _ => throw new ArgumentOutOfRangeException(nameof(tierId), tierId, null),
    };

    private static RecoveryCase OpenWithPostReset(string tierId, Func<PostResetActions, PostResetActions> change)
    {
        var subject = SubjectInTier(tierId);
        var decision = Decide(subject);
        return Open(subject, decision with { PostReset = change(decision.PostReset) });
    }

    private static SideEffect PendingEffect() =>
        new() { Id = Guid.NewGuid(), Kind = SideEffectKind.RevokeSessions, Status = SideEffectStatus.Pending, IdempotencyKey = "case-2-RevokeSessions" };

    // WhyNotExecutable and BeginExecution: when execution may start

    [Fact]
    public void WhyNotExecutable_StandardCaseVerifiedWithinTheWindow_IsNull()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(VerifiedAt + Validity - TimeSpan.FromSeconds(1));

        // Assert
        Assert.Null(whyNot);
    }

    [Fact]
    public void WhyNotExecutable_StandardCaseNotYetVerified_AsksForEveryStep()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(VerifiedAt);

        // Assert
        Assert.Equal("Every step of the script must pass first.", whyNot);
    }

    [Fact]
    public void BeginExecution_StandardCaseNotYetVerified_ThrowsAndWritesNothing()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution(Executor, VerifiedAt));

        // Assert
        Assert.Equal("Every step of the script must pass first.", ex.Message);
        Assert.Equal((CaseStatus.Verifying, 0), (recoveryCase.Status, recoveryCase.SideEffects.Count));
    }

    [Fact]
    public void WhyNotExecutable_StandardCaseAtTheEndOfTheVerificationWindow_SaysItLapsed()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(VerifiedAt + Validity);

        // Assert
        Assert.Equal("The verification has lapsed; verify the caller again.", whyNot);
    }

    [Fact]
    public void BeginExecution_StandardCaseWithLapsedVerification_ThrowsAndWritesNothing()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();
        var version = recoveryCase.Version;

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution(Executor, VerifiedAt + Validity));

        // Assert
        Assert.Equal("The verification has lapsed; verify the caller again.", ex.Message);
        Assert.Equal((CaseStatus.Verified, version, 0), (recoveryCase.Status, recoveryCase.Version, recoveryCase.SideEffects.Count));
    }

    [Fact]
    public void BeginExecution_AwaitingApproval_ThrowsStillAwaitingApproval()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.AwaitingApproval);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution(Executor, DecidedAt));

        // Assert
        Assert.Equal("The case is still awaiting approval.", ex.Message);
        Assert.Equal((CaseStatus.AwaitingApproval, 0), (recoveryCase.Status, recoveryCase.SideEffects.Count));
    }

    [Fact]
    public void BeginExecution_ElevatedCaseVerifiedButNeverSubmitted_ThrowsNotApproved()
    {
        // Arrange: verification alone never suffices for a tier that needs approval.
        var recoveryCase = InState(CaseStatus.Verified);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution(Executor, VerifiedAt));

        // Assert
        Assert.Equal("The case is not approved.", ex.Message);
    }

    [Fact]
    public void BeginExecution_RejectedCase_ThrowsNotApproved()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.AwaitingApproval);
        recoveryCase.Decide("sue", "Sue", "Supervisor", false, "caller could not explain the request", ApprovalHash.Compute(recoveryCase), DecidedAt);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution(Executor, ExecuteAt));

        // Assert
        Assert.Equal("The case is not approved.", ex.Message);
        Assert.Equal((CaseStatus.Rejected, 0), (recoveryCase.Status, recoveryCase.SideEffects.Count));
    }

    [Fact]
    public void WhyNotExecutable_ApprovedElevatedCaseWithinTheApprovalValidity_IsNull()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(DecidedAt + ElevatedValidity - TimeSpan.FromSeconds(1));

        // Assert
        Assert.Null(whyNot);
    }

    [Fact]
    public void BeginExecution_ApprovedElevatedCaseAfterTheApprovalLapsed_ThrowsApprovalsExpired()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution(Executor, DecidedAt + ElevatedValidity));

        // Assert
        Assert.Equal("The approvals have expired; the case must be approved again.", ex.Message);
        Assert.Equal((CaseStatus.Approved, 0), (recoveryCase.Status, recoveryCase.SideEffects.Count));
    }

    [Fact]
    public void BeginExecution_FrozenStandardCase_ThrowsFrozen()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();
        recoveryCase.Freeze("caller read the code from a second voice", "sec-ines", VerifiedAt);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution(Executor, ExecuteAt));

        // Assert
        Assert.Equal("The case is frozen.", ex.Message);
        Assert.Equal((CaseStatus.Frozen, 0), (recoveryCase.Status, recoveryCase.SideEffects.Count));
    }

    [Fact]
    public void WhyNotExecutable_FrozenElevatedCase_SaysFrozen()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(ExecuteAt);

        // Assert
        Assert.Equal("The case is frozen.", whyNot);
    }

    [Fact]
    public void BeginExecution_AlreadyExecuting_ThrowsAndKeepsTheFirstExecution()
    {
        // Arrange
        var recoveryCase = ExecutingStandard();
        var effects = recoveryCase.SideEffects;
        var version = recoveryCase.Version;

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution("agent-other", ExecuteAt.AddSeconds(1)));

        // Assert
        Assert.Same(effects, recoveryCase.SideEffects);
        Assert.Equal((CaseStatus.Executing, Executor, (DateTimeOffset?)ExecuteAt, version),
            (recoveryCase.Status, recoveryCase.ExecutedById, recoveryCase.ExecutionStartedAt, recoveryCase.Version));
    }

    [Fact]
    public void BeginExecution_ApprovedElevatedCaseAlreadyExecuting_Throws()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();
        recoveryCase.BeginExecution(Executor, ExecuteAt);

        // Act
        var act = () => recoveryCase.BeginExecution(Executor, ExecuteAt.AddSeconds(1));

        // Assert
        Assert.Throws<CaseRuleException>(act);
    }

    // BeginExecution: what it writes

    [Fact]
    public void BeginExecution_VerifiedStandardCase_MovesToExecutingAndRecordsWhoAndWhen()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();

        // Act
        recoveryCase.BeginExecution(Executor, ExecuteAt);

        // Assert
        Assert.Equal((CaseStatus.Executing, (DateTimeOffset?)ExecuteAt, Executor),
            (recoveryCase.Status, recoveryCase.ExecutionStartedAt, recoveryCase.ExecutedById));
    }

    [Fact]
    public void BeginExecution_VerifiedStandardCase_WritesEveryPlannedEffectPendingInOrder()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();

        // Act
        var effects = recoveryCase.BeginExecution(Executor, ExecuteAt);

        // Assert
        Assert.Same(recoveryCase.SideEffects, effects);
        Assert.Equal(recoveryCase.PostResetPlan, effects.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, recoveryCase.PostResetPlan.Count), effects.Select(e => e.Order));
        Assert.All(effects, e => Assert.Equal((SideEffectStatus.Pending, recoveryCase.Id, 0), (e.Status, e.CaseId, e.Attempts)));
    }

    [Fact]
    public void BeginExecution_VerifiedStandardCase_GivesEachEffectItsOwnIdempotencyKey()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();

        // Act
        var effects = recoveryCase.BeginExecution(Executor, ExecuteAt);

        // Assert
        Assert.Equal(effects.Select(e => $"{recoveryCase.Id:N}-{e.Order}-{e.Kind}"), effects.Select(e => e.IdempotencyKey));
        Assert.Equal(effects.Count, effects.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void BeginExecution_VerifiedStandardCase_MovesTheVersionOn()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();
        var version = recoveryCase.Version;

        // Act
        recoveryCase.BeginExecution(Executor, ExecuteAt);

        // Assert
        Assert.Equal((version + 1, ExecuteAt), (recoveryCase.Version, recoveryCase.UpdatedAt));
    }

    [Fact]
    public void BeginExecution_ApprovedElevatedCase_MovesToExecuting()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();

        // Act
        recoveryCase.BeginExecution(Executor, ExecuteAt);

        // Assert
        Assert.Equal(CaseStatus.Executing, recoveryCase.Status);
    }

    // The cool-down started by the final approval

    [Fact]
    public void Decide_FinalApprovalOnACoolDownTier_StartsTheCoolDown()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee", DecidedAt);

        // Act
        Approve(recoveryCase, "lin", FinalApprovalAt);

        // Assert
        Assert.Equal((CaseStatus.CoolingDown, (DateTimeOffset?)CoolDownEnds, (DateTimeOffset?)FinalApprovalAt),
            (recoveryCase.Status, recoveryCase.CoolDownUntil, recoveryCase.ApprovedAt));
    }

    [Fact]
    public void Decide_FinalApprovalOnACoolDownTier_ExtendsEveryApprovalToTheCoolDownEndPlusTheValidity()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee", DecidedAt);

        // Act
        Approve(recoveryCase, "lin", FinalApprovalAt);

        // Assert
        Assert.Equal([CoolDownEnds + PrivilegedValidity, CoolDownEnds + PrivilegedValidity], recoveryCase.Decisions.Select(d => d.ValidUntil));
    }

    [Fact]
    public void Decide_FinalApprovalOnATierWithoutCoolDown_ApprovesWithNoCoolDown()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.AwaitingApproval);

        // Act
        Approve(recoveryCase, "sue", DecidedAt);

        // Assert
        Assert.Equal((CaseStatus.Approved, (DateTimeOffset?)null), (recoveryCase.Status, recoveryCase.CoolDownUntil));
    }

    [Fact]
    public void WhyNotExecutable_DuringTheCoolDown_NamesTheDeadline()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(CoolDownEnds.AddMinutes(-1));

        // Assert
        Assert.Equal("The case is cooling down until 2025-03-04 11:06 UTC.", whyNot);
    }

    [Fact]
    public void BeginExecution_DuringTheCoolDown_ThrowsWithTheDeadlineAndWritesNothing()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.BeginExecution(Executor, FinalApprovalAt.AddMinutes(5)));

        // Assert
        Assert.Equal("The case is cooling down until 2025-03-04 11:06 UTC.", ex.Message);
        Assert.Equal((CaseStatus.CoolingDown, 0), (recoveryCase.Status, recoveryCase.SideEffects.Count));
    }

    [Fact]
    public void WhyNotExecutable_AtTheEndOfTheCoolDown_IsNull()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(CoolDownEnds);

        // Assert
        Assert.Null(whyNot);
    }

    [Fact]
    public void WhyNotExecutable_AfterTheCoolDownPastTheOriginalApprovalValidity_IsNull()
    {
        // Arrange: without the extension, the first approval would have lapsed at DecidedAt + 1h.
        var recoveryCase = CoolingDownPrivileged();

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(CoolDownEnds.AddMinutes(30));

        // Assert
        Assert.Null(whyNot);
    }

    [Fact]
    public void WhyNotExecutable_ApprovalValidityAfterTheCoolDownRanOut_SaysApprovalsExpired()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();

        // Act
        var whyNot = recoveryCase.WhyNotExecutable(CoolDownEnds + PrivilegedValidity);

        // Assert
        Assert.Equal("The approvals have expired; the case must be approved again.", whyNot);
    }

    [Fact]
    public void BeginExecution_AtTheEndOfTheCoolDown_MovesToExecuting()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();

        // Act
        recoveryCase.BeginExecution(Executor, CoolDownEnds);

        // Assert
        Assert.Equal((CaseStatus.Executing, (DateTimeOffset?)CoolDownEnds), (recoveryCase.Status, recoveryCase.ExecutionStartedAt));
    }

    // CancelCoolDown

    [Fact]
    public void CancelCoolDown_DuringTheCoolDown_AbandonsTheCaseWithWhoAndWhy()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();
        var at = FinalApprovalAt.AddMinutes(10);

        // Act
        recoveryCase.CancelCoolDown("Alex Morgan (subject of record)", "  I did not ask for this  ", at);

        // Assert
        Assert.Equal((CaseStatus.Abandoned, (DateTimeOffset?)at, "Cancelled during the cool-down by Alex Morgan (subject of record): I did not ask for this"),
            (recoveryCase.Status, recoveryCase.ClosedAt, recoveryCase.ClosedReason));
    }

    [Fact]
    public void CancelCoolDown_DuringTheCoolDown_StopsExecutionAfterTheDeadline()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();
        recoveryCase.CancelCoolDown("Alex Morgan (subject of record)", "I did not ask for this", FinalApprovalAt.AddMinutes(10));

        // Act
        var act = () => recoveryCase.BeginExecution(Executor, CoolDownEnds);

        // Assert
        Assert.Throws<CaseRuleException>(act);
        Assert.Empty(recoveryCase.SideEffects);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CancelCoolDown_BlankReason_ThrowsAndKeepsCoolingDown(string reason)
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();
        var version = recoveryCase.Version;

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.CancelCoolDown("Alex Morgan", reason, FinalApprovalAt.AddMinutes(10)));

        // Assert
        Assert.Equal("A reason is required.", ex.Message);
        Assert.Equal((CaseStatus.CoolingDown, version, (DateTimeOffset?)null), (recoveryCase.Status, recoveryCase.Version, recoveryCase.ClosedAt));
    }

    [Theory]
    [InlineData(CaseStatus.AwaitingApproval)]
    [InlineData(CaseStatus.Approved)]
    [InlineData(CaseStatus.Executing)]
    [InlineData(CaseStatus.Completed)]
    public void CancelCoolDown_CaseNotCoolingDown_Throws(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.CancelCoolDown("Alex Morgan", "I did not ask for this", ExecuteAt));

        // Assert
        Assert.Equal("Only a case in its cool-down can be cancelled this way.", ex.Message);
        Assert.Equal(status, recoveryCase.Status);
    }

    // OverrideCoolDown

    [Fact]
    public void OverrideCoolDown_DuringTheCoolDown_EndsItNow()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();
        var at = FinalApprovalAt.AddMinutes(10);

        // Act
        recoveryCase.OverrideCoolDown("subject confirmed in person at the service desk", at);

        // Assert
        Assert.Equal((DateTimeOffset?)at, recoveryCase.CoolDownUntil);
    }

    [Fact]
    public void OverrideCoolDown_DuringTheCoolDown_LetsExecutionStartAtOnce()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();
        var at = FinalApprovalAt.AddMinutes(10);
        recoveryCase.OverrideCoolDown("subject confirmed in person at the service desk", at);

        // Act
        recoveryCase.BeginExecution(Executor, at);

        // Assert
        Assert.Equal(CaseStatus.Executing, recoveryCase.Status);
    }

    [Fact]
    public void OverrideCoolDown_DuringTheCoolDown_MovesTheVersionOn()
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();
        var version = recoveryCase.Version;

        // Act
        recoveryCase.OverrideCoolDown("subject confirmed in person at the service desk", FinalApprovalAt.AddMinutes(10));

        // Assert
        Assert.Equal(version + 1, recoveryCase.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void OverrideCoolDown_BlankReason_ThrowsAndKeepsTheDeadline(string reason)
    {
        // Arrange
        var recoveryCase = CoolingDownPrivileged();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.OverrideCoolDown(reason, FinalApprovalAt.AddMinutes(10)));

        // Assert
        Assert.Equal("A reason is required.", ex.Message);
        Assert.Equal((CaseStatus.CoolingDown, (DateTimeOffset?)CoolDownEnds), (recoveryCase.Status, recoveryCase.CoolDownUntil));
    }

    [Fact]
    public void OverrideCoolDown_ApprovedCaseWithoutCoolDown_Throws()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.OverrideCoolDown("urgent", ExecuteAt));

        // Assert
        Assert.Equal("The case is not cooling down.", ex.Message);
        Assert.Null(recoveryCase.CoolDownUntil);
    }

    [Theory]
    [InlineData(CaseStatus.AwaitingApproval)]
    [InlineData(CaseStatus.Executing)]
    [InlineData(CaseStatus.Abandoned)]
    public void OverrideCoolDown_CaseNotCoolingDown_Throws(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.OverrideCoolDown("urgent", ExecuteAt));

        // Assert
        Assert.Equal("The case is not cooling down.", ex.Message);
    }

    // SettleExecution

    [Fact]
    public void SettleExecution_EveryEffectApplied_CompletesTheCase()
    {
        // Arrange
        var recoveryCase = ExecutingStandard();
        var settledAt = ExecuteAt.AddSeconds(5);
        foreach (var effect in recoveryCase.SideEffects)
        {
            effect.MarkApplied("done", settledAt);
        }

        // Act
        recoveryCase.SettleExecution(settledAt);

        // Assert
        Assert.Equal((CaseStatus.Completed, (DateTimeOffset?)settledAt, "Every side effect applied."),
            (recoveryCase.Status, recoveryCase.ClosedAt, recoveryCase.ClosedReason));
    }

    [Fact]
    public void SettleExecution_OneEffectFailed_NeedsAttention()
    {
        // Arrange
        var recoveryCase = ExecutingStandard();
        var settledAt = ExecuteAt.AddSeconds(5);
        recoveryCase.SideEffects[0].MarkApplied("temporary password sent", settledAt);
        recoveryCase.SideEffects[1].MarkFailed("revocation not confirmed", false, null, settledAt);
        recoveryCase.SideEffects[2].MarkApplied("notice sent", settledAt);

        // Act
        recoveryCase.SettleExecution(settledAt);

        // Assert
        Assert.Equal((CaseStatus.NeedsAttention, (DateTimeOffset?)null), (recoveryCase.Status, recoveryCase.ClosedAt));
    }

    [Fact]
    public void SettleExecution_FailedAndPendingEffects_NeedsAttention()
    {
        // Arrange
        var recoveryCase = ExecutingStandard();
        recoveryCase.SideEffects[0].MarkFailed("directory unavailable", true, null, ExecuteAt);

        // Act
        recoveryCase.SettleExecution(ExecuteAt);

        // Assert
        Assert.Equal(CaseStatus.NeedsAttention, recoveryCase.Status);
    }

    [Fact]
    public void SettleExecution_EffectsStillPending_StaysExecuting()
    {
        // Arrange
        var recoveryCase = ExecutingStandard();
        var version = recoveryCase.Version;
        recoveryCase.SideEffects[0].MarkApplied("temporary password sent", ExecuteAt);

        // Act
        recoveryCase.SettleExecution(ExecuteAt);

        // Assert
        Assert.Equal((CaseStatus.Executing, version), (recoveryCase.Status, recoveryCase.Version));
    }

    [Fact]
    public void SettleExecution_CaseNotExecuting_ChangesNothing()
    {
        // Arrange
        var recoveryCase = VerifiedStandard();
        var version = recoveryCase.Version;

        // Act
        recoveryCase.SettleExecution(ExecuteAt);

        // Assert
        Assert.Equal((CaseStatus.Verified, version), (recoveryCase.Status, recoveryCase.Version));
    }

    // RetryExecution

    [Fact]
    public void RetryExecution_NeedsAttention_PutsFailedEffectsBackToPendingWithNoScheduledAttempt()
    {
        // Arrange
        var recoveryCase = NeedingAttention();

        // Act
        recoveryCase.RetryExecution(ExecuteAt.AddMinutes(5));

        // Assert
        var retried = recoveryCase.SideEffects[1];
        Assert.Equal((SideEffectStatus.Pending, (DateTimeOffset?)null), (retried.Status, retried.NextAttemptAt));
    }

    [Fact]
    public void RetryExecution_NeedsAttention_LeavesAppliedEffectsApplied()
    {
        // Arrange
        var recoveryCase = NeedingAttention();

        // Act
        recoveryCase.RetryExecution(ExecuteAt.AddMinutes(5));

        // Assert
        Assert.Equal([SideEffectStatus.Applied, SideEffectStatus.Applied],
            new[] { recoveryCase.SideEffects[0].Status, recoveryCase.SideEffects[2].Status });
    }

    [Fact]
    public void RetryExecution_NeedsAttention_MovesBackToExecuting()
    {
        // Arrange
        var recoveryCase = NeedingAttention();
        var version = recoveryCase.Version;

        // Act
        recoveryCase.RetryExecution(ExecuteAt.AddMinutes(5));

        // Assert
        Assert.Equal((CaseStatus.Executing, version + 1), (recoveryCase.Status, recoveryCase.Version));
    }

    [Fact]
    public void SettleExecution_RetriedEffectNowApplied_CompletesTheCase()
    {
        // Arrange
        var recoveryCase = NeedingAttention();
        var retriedAt = ExecuteAt.AddMinutes(5);
        recoveryCase.RetryExecution(retriedAt);
        recoveryCase.SideEffects[1].MarkApplied("revocation confirmed", retriedAt);

        // Act
        recoveryCase.SettleExecution(retriedAt);

        // Assert
        Assert.Equal(CaseStatus.Completed, recoveryCase.Status);
    }

    [Fact]
    public void RetryExecution_WhileStillExecuting_ThrowsAndLeavesFailedEffectsFailed()
    {
        // Arrange
        var recoveryCase = ExecutingStandard();
        recoveryCase.SideEffects[0].MarkFailed("directory unavailable", true, null, ExecuteAt);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.RetryExecution(ExecuteAt.AddMinutes(5)));

        // Assert
        Assert.Equal("Only a case that needs attention can be retried.", ex.Message);
        Assert.Equal(SideEffectStatus.Failed, recoveryCase.SideEffects[0].Status);
    }

    [Theory]
    [InlineData(CaseStatus.Verified)]
    [InlineData(CaseStatus.Approved)]
    [InlineData(CaseStatus.Completed)]
    [InlineData(CaseStatus.Frozen)]
    public void RetryExecution_CaseNotNeedingAttention_Throws(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.RetryExecution(ExecuteAt));

        // Assert
        Assert.Equal("Only a case that needs attention can be retried.", ex.Message);
        Assert.Equal(status, recoveryCase.Status);
    }

    // PostResetPlan, built at Open

    [Theory]
    [InlineData(RequestedAction.PasswordReset, SideEffectKind.SetTemporaryCredential)]
    [InlineData(RequestedAction.MfaReset, SideEffectKind.ResetMfa)]
    [InlineData(RequestedAction.Unlock, SideEffectKind.Unlock)]
    [InlineData(RequestedAction.TemporaryAccessPass, SideEffectKind.IssueTemporaryAccessPass)]
    public void Open_HumanAction_PlanStartsWithTheAction(RequestedAction action, SideEffectKind first)
    {
        // Arrange
        var subject = PolicySamples.Employee();

        // Act
        var recoveryCase = Open(subject, Decide(subject, action));

        // Assert
        Assert.Equal(first, recoveryCase.PostResetPlan[0]);
    }

    [Fact]
    public void Open_ServicePasswordReset_PlanStartsWithRotateSecret()
    {
        // Arrange
        var subject = PolicySamples.Service();

        // Act
        var recoveryCase = Open(subject, Decide(subject));

        // Assert
        Assert.Equal(SideEffectKind.RotateSecret, recoveryCase.PostResetPlan[0]);
    }

    [Fact]
    public void Open_StandardTier_PlansTheActionRevocationAndSubjectNotice()
    {
        // Arrange: the default policy's standard tier asks for revocation but not a manager notice.
        var subject = PolicySamples.Employee();

        // Act
        var recoveryCase = Open(subject, Decide(subject));

        // Assert
        Assert.Equal([SideEffectKind.SetTemporaryCredential, SideEffectKind.RevokeSessions, SideEffectKind.NotifySubject], recoveryCase.PostResetPlan);
    }

    [Theory]
    [InlineData("elevated")]
    [InlineData("privileged")]
    public void Open_TierAboveStandard_PlansTheActionRevocationAndBothNotices(string tierId)
    {
        // Arrange
        var subject = SubjectInTier(tierId);

        // Act
        var recoveryCase = Open(subject, Decide(subject));

        // Assert
        Assert.Equal(
            [SideEffectKind.SetTemporaryCredential, SideEffectKind.RevokeSessions, SideEffectKind.NotifySubject, SideEffectKind.NotifyManager],
            recoveryCase.PostResetPlan);
    }

    [Fact]
    public void Open_StandardTierWhosePolicyDoesNotAskToRevoke_PlansNoRevocation()
    {
        // Arrange
        var change = (PostResetActions post) => post with { RevokeSessions = false };

        // Act
        var recoveryCase = OpenWithPostReset("standard", change);

        // Assert
        Assert.DoesNotContain(SideEffectKind.RevokeSessions, recoveryCase.PostResetPlan);
    }

    [Theory]
    [InlineData("elevated")]
    [InlineData("privileged")]
    public void Open_HumanTierAboveStandardWhosePolicyDoesNotAskToRevoke_StillRevokesSessions(string tierId)
    {
        // Arrange
        var change = (PostResetActions post) => post with { RevokeSessions = false };

        // Act
        var recoveryCase = OpenWithPostReset(tierId, change);

        // Assert
        Assert.Equal(SideEffectKind.RevokeSessions, recoveryCase.PostResetPlan[1]);
    }

    [Fact]
    public void Open_StandardTierSteppedUpToElevatedWhosePolicyDoesNotAskToRevoke_StillRevokesSessions()
    {
        // Arrange: a reset in the last 24 hours raises a standard employee to elevated.
        var subject = PolicySamples.Employee();
        var decision = DecideAfterRecentReset(subject);
        decision = decision with { PostReset = decision.PostReset with { RevokeSessions = false } };

        // Act
        var recoveryCase = Open(subject, decision);

        // Assert
        Assert.Equal(("elevated", SideEffectKind.RevokeSessions), (recoveryCase.TierId, recoveryCase.PostResetPlan[1]));
    }

    [Fact]
    public void Open_NonHumanTierWhosePolicyAsksToRevoke_PlansRevocation()
    {
        // Arrange: the default policy's non-human tier says revoke-sessions: true.
        var subject = PolicySamples.Service();
        var decision = Decide(subject);

        // Act
        var recoveryCase = Open(subject, decision);

        // Assert
        Assert.True(decision.PostReset.RevokeSessions);
        Assert.Contains(SideEffectKind.RevokeSessions, recoveryCase.PostResetPlan);
    }

    [Fact]
    public void Open_NonHumanTierWhosePolicyDoesNotAskToRevoke_PlansNoRevocation()
    {
        // Arrange: the rule "always above standard" is for humans only.
        var subject = PolicySamples.Service();
        var decision = Decide(subject);
        decision = decision with { PostReset = decision.PostReset with { RevokeSessions = false } };

        // Act
        var recoveryCase = Open(subject, decision);

        // Assert
        Assert.Equal([SideEffectKind.RotateSecret, SideEffectKind.NotifySubject, SideEffectKind.NotifyManager], recoveryCase.PostResetPlan);
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("elevated")]
    public void Open_PolicyAsksForNoNotices_StillNotifiesTheSubject(string tierId)
    {
        // Arrange
        var change = (PostResetActions post) => post with { NotifySubjectAtAllContacts = false, NotifyManager = false };

        // Act
        var recoveryCase = OpenWithPostReset(tierId, change);

        // Assert
        Assert.Equal(SideEffectKind.NotifySubject, recoveryCase.PostResetPlan[^1]);
    }

    [Fact]
    public void Open_ElevatedTierWhosePolicyDoesNotAskToNotifyTheManager_PlansNoManagerNotice()
    {
        // Arrange
        var change = (PostResetActions post) => post with { NotifyManager = false };

        // Act
        var recoveryCase = OpenWithPostReset("elevated", change);

        // Assert
        Assert.DoesNotContain(SideEffectKind.NotifyManager, recoveryCase.PostResetPlan);
    }

    [Fact]
    public void Open_StandardTierWhosePolicyAsksToNotifyTheManager_PlansTheManagerNoticeLast()
    {
        // Arrange
        var change = (PostResetActions post) => post with { NotifyManager = true };

        // Act
        var recoveryCase = OpenWithPostReset("standard", change);

        // Assert
        Assert.Equal(SideEffectKind.NotifyManager, recoveryCase.PostResetPlan[^1]);
    }

    // SideEffect.MarkApplied and MarkFailed

    [Fact]
    public void MarkApplied_PendingEffect_RecordsTheOutcomeAndTime()
    {
        // Arrange
        var effect = PendingEffect();

        // Act
        effect.MarkApplied("revocation confirmed", ExecuteAt);

        // Assert
        Assert.Equal((SideEffectStatus.Applied, 1, (DateTimeOffset?)ExecuteAt, "revocation confirmed"),
            (effect.Status, effect.Attempts, effect.AppliedAt, effect.Outcome));
    }

    [Fact]
    public void MarkApplied_AfterATransientFailure_ClearsTheErrorAndTheNextAttempt()
    {
        // Arrange
        var effect = PendingEffect();
        effect.MarkFailed("directory unavailable", true, null, ExecuteAt);

        // Act
        effect.MarkApplied("revocation confirmed", ExecuteAt.AddMinutes(1));

        // Assert
        Assert.Equal((SideEffectStatus.Applied, 2, (string?)null, (DateTimeOffset?)null),
            (effect.Status, effect.Attempts, effect.LastError, effect.NextAttemptAt));
    }

    [Fact]
    public void MarkFailed_Transient_RecordsTheError()
    {
        // Arrange
        var effect = PendingEffect();

        // Act
        effect.MarkFailed("directory unavailable", true, null, ExecuteAt);

        // Assert
        Assert.Equal((SideEffectStatus.Failed, 1, "directory unavailable", true),
            (effect.Status, effect.Attempts, effect.LastError, effect.LastErrorTransient));
    }

    [Theory]
    [InlineData(0, 15)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(20, 3600)]
    public void MarkFailed_Transient_WaitsABackoffThatDoublesUpToAnHour(int earlierAttempts, int expectedSeconds)
    {
        // Arrange
        var effect = PendingEffect();
        effect.Attempts = earlierAttempts;

        // Act
        effect.MarkFailed("directory unavailable", true, null, ExecuteAt);

        // Assert
        Assert.Equal(ExecuteAt.AddSeconds(expectedSeconds), effect.NextAttemptAt);
    }

    [Fact]
    public void MarkFailed_RepeatedTransientFailures_WaitLongerEachTime()
    {
        // Arrange
        var effect = PendingEffect();
        var waits = new List<TimeSpan>();

        // Act
        for (var i = 0; i < 4; i++)
        {
            effect.MarkFailed("directory unavailable", true, null, ExecuteAt);
            waits.Add(effect.NextAttemptAt!.Value - ExecuteAt);
        }

        // Assert
        Assert.Equal([TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], waits);
    }

    [Fact]
    public void MarkFailed_RetryAfterLongerThanTheBackoff_WaitsForTheRetryAfter()
    {
        // Arrange
        var effect = PendingEffect();

        // Act
        effect.MarkFailed("throttled", true, TimeSpan.FromMinutes(2), ExecuteAt);

        // Assert
        Assert.Equal(ExecuteAt.AddMinutes(2), effect.NextAttemptAt);
    }

    [Fact]
    public void MarkFailed_RetryAfterShorterThanTheBackoff_WaitsForTheBackoff()
    {
        // Arrange
        var effect = PendingEffect();
        effect.Attempts = 3;

        // Act
        effect.MarkFailed("throttled", true, TimeSpan.FromSeconds(5), ExecuteAt);

        // Assert
        Assert.Equal(ExecuteAt.AddSeconds(120), effect.NextAttemptAt);
    }

    [Fact]
    public void MarkFailed_NotTransient_HasNoNextAttemptEvenWithARetryAfter()
    {
        // Arrange
        var effect = PendingEffect();

        // Act
        effect.MarkFailed("account does not exist", false, TimeSpan.FromMinutes(2), ExecuteAt);

        // Assert
        Assert.Equal((SideEffectStatus.Failed, false, (DateTimeOffset?)null), (effect.Status, effect.LastErrorTransient, effect.NextAttemptAt));
    }
}
