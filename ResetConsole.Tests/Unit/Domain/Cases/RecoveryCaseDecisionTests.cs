using ResetConsole.Domain.Cases;
using ResetConsole.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

/// <summary>
/// <see cref="RecoveryCase.Decide"/>, <see cref="RecoveryCase.CountingApprovals"/>, <see cref="RecoveryCase.ExpireApprovalsIfDue"/>,
/// <see cref="RecoveryCase.EscalateIfOverdue"/>, <see cref="ApprovalDecision.Counts"/> and <see cref="ApprovalHash.Compute"/>,
/// under the default policy: elevated needs one approval valid 30 minutes with a 15-minute SLA; privileged needs two,
/// valid an hour, with a 30-minute SLA.
/// </summary>
public sealed class RecoveryCaseDecisionTests
{
    private static readonly DateTimeOffset SubmittedAt = Now.AddMinutes(2);
    private static readonly DateTimeOffset DecidedAt = SubmittedAt.AddMinutes(3);
    private static readonly TimeSpan ElevatedValidity = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ElevatedSla = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan PrivilegedValidity = TimeSpan.FromHours(1);

    private static RecoveryCase AwaitingElevated() => InState(CaseStatus.AwaitingApproval);

    private static RecoveryCase AwaitingPrivileged()
    {
        var recoveryCase = OpenPrivileged().PassAll(SubmittedAt);
        recoveryCase.SubmitForApproval(SubmittedAt);
        return recoveryCase;
    }

    private static ApprovalDecision Approve(RecoveryCase recoveryCase, string approverId = "sue", DateTimeOffset? at = null, string? note = null) =>
        recoveryCase.Decide(approverId, approverId, "Supervisor", true, note, ApprovalHash.Compute(recoveryCase), at ?? DecidedAt);

    private static ApprovalDecision Reject(RecoveryCase recoveryCase, string? reason, string approverId = "sue") =>
        recoveryCase.Decide(approverId, approverId, "Supervisor", false, reason, ApprovalHash.Compute(recoveryCase), DecidedAt);

    private static RecoveryCase ApprovedElevated()
    {
        var recoveryCase = AwaitingElevated();
        Approve(recoveryCase);
        return recoveryCase;
    }

    // Decide

    [Fact]
    public void Decide_ApproveElevatedCase_ApprovesIt()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        Approve(recoveryCase);

        // Assert
        Assert.Equal((CaseStatus.Approved, (DateTimeOffset?)DecidedAt), (recoveryCase.Status, recoveryCase.ApprovedAt));
    }

    [Fact]
    public void Decide_Approve_RecordsTheApproverAndTheReviewedHash()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var hash = ApprovalHash.Compute(recoveryCase);

        // Act
        var decision = recoveryCase.Decide("sue", "Sue Park", "Supervisor", true, null, hash, DecidedAt);

        // Assert
        Assert.Equal((recoveryCase.Id, "sue", "Sue Park", "Supervisor", true, hash, DecidedAt),
            (decision.CaseId, decision.ApproverId, decision.ApproverName, decision.ApproverRoles, decision.Approved, decision.RequestHash, decision.DecidedAt));
        Assert.Same(decision, Assert.Single(recoveryCase.Decisions));
    }

    [Fact]
    public void Decide_Approve_IsValidForThePolicysApprovalValidity()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        var decision = Approve(recoveryCase);

        // Assert
        Assert.Equal(DecidedAt + ElevatedValidity, decision.ValidUntil);
    }

    [Fact]
    public void Decide_ApproveWithABlankNote_StoresNoReason()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        var decision = Approve(recoveryCase, note: "   ");

        // Assert
        Assert.Null(decision.Reason);
    }

    [Fact]
    public void Decide_ApproveWithANote_StoresItTrimmed()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        var decision = Approve(recoveryCase, note: "  known caller  ");

        // Assert
        Assert.Equal("known caller", decision.Reason);
    }

    [Fact]
    public void Decide_Approve_MovesTheVersionOn()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var version = recoveryCase.Version;

        // Act
        Approve(recoveryCase);

        // Assert
        Assert.Equal(version + 1, recoveryCase.Version);
    }

    [Fact]
    public void Decide_FirstOfTwoPrivilegedApprovals_StaysAwaitingApproval()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();

        // Act
        Approve(recoveryCase, "lee");

        // Assert
        Assert.Equal((CaseStatus.AwaitingApproval, (DateTimeOffset?)null), (recoveryCase.Status, recoveryCase.ApprovedAt));
    }

    [Fact]
    public void Decide_SecondPrivilegedApprovalFromAnotherPerson_StartsTheCoolDown()
    {
        // Arrange: the privileged tier has a 60-minute cool-down after its final approval.
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee");

        // Act
        Approve(recoveryCase, "lin", DecidedAt.AddMinutes(1));

        // Assert
        Assert.Equal(CaseStatus.CoolingDown, recoveryCase.Status);
        Assert.Equal(DecidedAt.AddMinutes(61), recoveryCase.CoolDownUntil);
    }

    [Fact]
    public void Decide_SecondPrivilegedApprovalFromTheSamePerson_Throws()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee");

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => Approve(recoveryCase, "lee", DecidedAt.AddMinutes(1)));

        // Assert
        Assert.Equal("You already approved this case; a second approval must come from someone else.", ex.Message);
        Assert.Single(recoveryCase.Decisions);
    }

    [Fact]
    public void Decide_SecondPrivilegedApprovalAfterTheFirstLapsed_StaysAwaitingApproval()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee");

        // Act
        Approve(recoveryCase, "lin", DecidedAt + PrivilegedValidity);

        // Assert
        Assert.Equal(CaseStatus.AwaitingApproval, recoveryCase.Status);
    }

    [Fact]
    public void Decide_WithAHashFromBeforeTheCaseChanged_ThrowsChanged()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var reviewed = ApprovalHash.Compute(recoveryCase);
        recoveryCase.Signals.Add(new CaseReason("A contact of record changed in the last 14 days", "contact-changed", []));

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Decide("sue", "Sue", "Supervisor", true, null, reviewed, DecidedAt));

        // Assert
        Assert.Equal("This case changed after you opened it; review it again.", ex.Message);
        Assert.Equal(CaseStatus.AwaitingApproval, recoveryCase.Status);
    }

    [Fact]
    public void Decide_WithAHashFromBeforeAnotherApproval_ThrowsChanged()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        var reviewed = ApprovalHash.Compute(recoveryCase);
        Approve(recoveryCase, "lee");

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Decide("lin", "Lin", "SecurityLead", true, null, reviewed, DecidedAt));

        // Assert
        Assert.Equal("This case changed after you opened it; review it again.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Decide_RejectWithoutAReason_Throws(string? reason)
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => Reject(recoveryCase, reason));

        // Assert
        Assert.Equal("A reason is required to reject.", ex.Message);
        Assert.Equal((CaseStatus.AwaitingApproval, 0), (recoveryCase.Status, recoveryCase.Decisions.Count));
    }

    [Fact]
    public void Decide_RejectWithAReason_ClosesTheCaseAsRejected()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        Reject(recoveryCase, " caller could not name their cost centre ");

        // Assert
        Assert.Equal((CaseStatus.Rejected, (DateTimeOffset?)DecidedAt), (recoveryCase.Status, recoveryCase.ClosedAt));
        Assert.Equal("Rejected by sue: caller could not name their cost centre", recoveryCase.ClosedReason);
    }

    [Fact]
    public void Decide_Reject_HasNoValidity()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        var decision = Reject(recoveryCase, "story did not add up");

        // Assert
        Assert.Equal((false, (DateTimeOffset?)null), (decision.Approved, decision.ValidUntil));
    }

    [Fact]
    public void Decide_RejectAfterOnePrivilegedApproval_ClosesTheCaseAsRejected()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee");

        // Act
        Reject(recoveryCase, "second reviewer saw a forged badge", "lin");

        // Assert
        Assert.Equal(CaseStatus.Rejected, recoveryCase.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Approved)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.CoolingDown)]
    [InlineData(CaseStatus.Executing)]
    [InlineData(CaseStatus.Completed)]
    public void Decide_AlreadyDecidedCase_ThrowsAlreadyDecided(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => Approve(recoveryCase));

        // Assert
        Assert.Equal("This case was already decided.", ex.Message);
    }

    [Fact]
    public void Decide_TheLosingApprovalOfARace_ThrowsAlreadyDecidedAndRecordsNothing()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var bothReviewed = ApprovalHash.Compute(recoveryCase);
        recoveryCase.Decide("sue", "Sue", "Supervisor", true, null, bothReviewed, DecidedAt);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Decide("sam", "Sam", "Supervisor", true, null, bothReviewed, DecidedAt));

        // Assert
        Assert.Equal("This case was already decided.", ex.Message);
        Assert.Single(recoveryCase.Decisions);
    }

    [Theory]
    [InlineData(CaseStatus.Verifying, "The case is verifying, not awaiting approval.")]
    [InlineData(CaseStatus.Verified, "The case is verified, not awaiting approval.")]
    [InlineData(CaseStatus.Frozen, "The case is frozen, not awaiting approval.")]
    [InlineData(CaseStatus.Abandoned, "The case is abandoned, not awaiting approval.")]
    public void Decide_CaseNotYetSubmittedOrClosed_ThrowsNotAwaitingApproval(CaseStatus status, string message)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => Approve(recoveryCase));

        // Assert
        Assert.Equal(message, ex.Message);
    }

    // CountingApprovals and ApprovalDecision.Counts

    [Fact]
    public void CountingApprovals_ValidApprovalsFromTwoPeople_CountsTwo()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee");
        Approve(recoveryCase, "lin");

        // Act
        var count = recoveryCase.CountingApprovals(DecidedAt);

        // Assert
        Assert.Equal(2, count);
    }

    [Fact]
    public void CountingApprovals_TwoApprovalsFromOnePerson_CountsOne()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        var first = Approve(recoveryCase, "lee");
        recoveryCase.Decisions.Add(Copy(first));

        // Act
        var count = recoveryCase.CountingApprovals(DecidedAt);

        // Assert
        Assert.Equal(1, count);
    }

    [Fact]
    public void CountingApprovals_AtTheEndOfTheValidity_CountsNone()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee");

        // Act
        var count = recoveryCase.CountingApprovals(DecidedAt + PrivilegedValidity);

        // Assert
        Assert.Equal(0, count);
    }

    [Fact]
    public void Counts_JustBeforeValidUntil_IsTrue()
    {
        // Arrange
        var decision = Approve(AwaitingElevated());

        // Act
        var counts = decision.Counts(DecidedAt + ElevatedValidity - TimeSpan.FromTicks(1));

        // Assert
        Assert.True(counts);
    }

    [Fact]
    public void Counts_AtValidUntil_IsFalse()
    {
        // Arrange
        var decision = Approve(AwaitingElevated());

        // Act
        var counts = decision.Counts(DecidedAt + ElevatedValidity);

        // Assert
        Assert.False(counts);
    }

    [Fact]
    public void Counts_Voided_IsFalse()
    {
        // Arrange
        var decision = Approve(AwaitingElevated());
        decision.VoidedAt = DecidedAt.AddMinutes(1);

        // Act
        var counts = decision.Counts(DecidedAt.AddMinutes(2));

        // Assert
        Assert.False(counts);
    }

    [Fact]
    public void Counts_Rejection_IsFalse()
    {
        // Arrange
        var decision = Reject(AwaitingElevated(), "story did not add up");

        // Act
        var counts = decision.Counts(DecidedAt);

        // Assert
        Assert.False(counts);
    }

    // ExpireApprovalsIfDue

    [Fact]
    public void ExpireApprovalsIfDue_BeforeTheValidityRunsOut_ReturnsFalseAndChangesNothing()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();
        var version = recoveryCase.Version;

        // Act
        var lapsed = recoveryCase.ExpireApprovalsIfDue(DecidedAt + ElevatedValidity - TimeSpan.FromTicks(1));

        // Assert
        Assert.False(lapsed);
        Assert.Equal((CaseStatus.Approved, version, (DateTimeOffset?)null), (recoveryCase.Status, recoveryCase.Version, recoveryCase.Decisions.Single().VoidedAt));
    }

    [Fact]
    public void ExpireApprovalsIfDue_WhenTheValidityRunsOut_VoidsTheApproval()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();
        var at = DecidedAt + ElevatedValidity;

        // Act
        var lapsed = recoveryCase.ExpireApprovalsIfDue(at);

        // Assert
        Assert.True(lapsed);
        var decision = Assert.Single(recoveryCase.Decisions);
        Assert.Equal(at, decision.VoidedAt);
        Assert.False(string.IsNullOrWhiteSpace(decision.VoidReason));
    }

    [Fact]
    public void ExpireApprovalsIfDue_ApprovedCaseLapses_GoesBackToTheQueueWithAFreshSla()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();
        recoveryCase.EscalatedAt = SubmittedAt + ElevatedSla;
        var at = DecidedAt + ElevatedValidity;

        // Act
        recoveryCase.ExpireApprovalsIfDue(at);

        // Assert
        Assert.Equal((CaseStatus.AwaitingApproval, (DateTimeOffset?)null, (DateTimeOffset?)(at + ElevatedSla), (DateTimeOffset?)null),
            (recoveryCase.Status, recoveryCase.ApprovedAt, recoveryCase.ApprovalDueAt, recoveryCase.EscalatedAt));
    }

    [Fact]
    public void ExpireApprovalsIfDue_CoolingDownCaseLapses_GoesBackToTheQueue()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();
        recoveryCase.Status = CaseStatus.CoolingDown;

        // Act
        recoveryCase.ExpireApprovalsIfDue(DecidedAt + ElevatedValidity);

        // Assert
        Assert.Equal(CaseStatus.AwaitingApproval, recoveryCase.Status);
    }

    [Fact]
    public void ExpireApprovalsIfDue_Lapses_MovesTheVersionOn()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();
        var version = recoveryCase.Version;

        // Act
        recoveryCase.ExpireApprovalsIfDue(DecidedAt + ElevatedValidity);

        // Assert
        Assert.Equal(version + 1, recoveryCase.Version);
    }

    [Fact]
    public void ExpireApprovalsIfDue_FirstPrivilegedApprovalLapses_VoidsItAndStaysAwaitingApproval()
    {
        // Arrange
        var recoveryCase = AwaitingPrivileged();
        Approve(recoveryCase, "lee");
        var dueAt = recoveryCase.ApprovalDueAt;

        // Act
        var lapsed = recoveryCase.ExpireApprovalsIfDue(DecidedAt + PrivilegedValidity);

        // Assert
        Assert.True(lapsed);
        Assert.Equal((CaseStatus.AwaitingApproval, dueAt), (recoveryCase.Status, recoveryCase.ApprovalDueAt));
        Assert.NotNull(recoveryCase.Decisions.Single().VoidedAt);
    }

    [Fact]
    public void ExpireApprovalsIfDue_AlreadyVoided_ReturnsFalse()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();
        recoveryCase.ExpireApprovalsIfDue(DecidedAt + ElevatedValidity);

        // Act
        var lapsed = recoveryCase.ExpireApprovalsIfDue(DecidedAt + ElevatedValidity + TimeSpan.FromMinutes(1));

        // Assert
        Assert.False(lapsed);
    }

    [Fact]
    public void ExpireApprovalsIfDue_RejectedCase_ReturnsFalseAndStaysRejected()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        Reject(recoveryCase, "story did not add up");

        // Act
        var lapsed = recoveryCase.ExpireApprovalsIfDue(DecidedAt + TimeSpan.FromDays(1));

        // Assert
        Assert.False(lapsed);
        Assert.Equal(CaseStatus.Rejected, recoveryCase.Status);
    }

    // EscalateIfOverdue

    [Fact]
    public void EscalateIfOverdue_BeforeTheSla_ReturnsFalse()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        var escalated = recoveryCase.EscalateIfOverdue(SubmittedAt + ElevatedSla - TimeSpan.FromTicks(1));

        // Assert
        Assert.False(escalated);
        Assert.Null(recoveryCase.EscalatedAt);
    }

    [Fact]
    public void EscalateIfOverdue_AtTheSla_MarksTheCaseEscalated()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var at = SubmittedAt + ElevatedSla;

        // Act
        var escalated = recoveryCase.EscalateIfOverdue(at);

        // Assert
        Assert.True(escalated);
        Assert.Equal(at, recoveryCase.EscalatedAt);
    }

    [Fact]
    public void EscalateIfOverdue_SecondTime_ReturnsFalseAndKeepsTheFirstTime()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var first = SubmittedAt + ElevatedSla;
        recoveryCase.EscalateIfOverdue(first);
        var version = recoveryCase.Version;

        // Act
        var escalated = recoveryCase.EscalateIfOverdue(first.AddMinutes(10));

        // Assert
        Assert.False(escalated);
        Assert.Equal((first, version), (recoveryCase.EscalatedAt!.Value, recoveryCase.Version));
    }

    [Fact]
    public void EscalateIfOverdue_ApprovedCasePastTheSla_ReturnsFalse()
    {
        // Arrange
        var recoveryCase = ApprovedElevated();

        // Act
        var escalated = recoveryCase.EscalateIfOverdue(SubmittedAt + ElevatedSla + TimeSpan.FromMinutes(1));

        // Assert
        Assert.False(escalated);
    }

    [Fact]
    public void SubmitForApproval_ElevatedCase_SetsTheDueTimeFromThePolicySla()
    {
        // Arrange
        var recoveryCase = OpenElevated().PassAll(SubmittedAt);

        // Act
        recoveryCase.SubmitForApproval(SubmittedAt);

        // Assert
        Assert.Equal(SubmittedAt + ElevatedSla, recoveryCase.ApprovalDueAt);
    }

    // ApprovalHash

    [Fact]
    public void Compute_SameCaseTwice_IsTheSame()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        var (first, second) = (ApprovalHash.Compute(recoveryCase), ApprovalHash.Compute(recoveryCase));

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Compute_IsALowercaseSha256Hex()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();

        // Act
        var hash = ApprovalHash.Compute(recoveryCase);

        // Assert
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Compute_AfterTheVersionMoved_Differs()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var before = ApprovalHash.Compute(recoveryCase);
        recoveryCase.Version++;

        // Act
        var after = ApprovalHash.Compute(recoveryCase);

        // Assert
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Compute_AfterANewSignal_Differs()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var before = ApprovalHash.Compute(recoveryCase);
        recoveryCase.Signals.Add(new CaseReason("A contact of record changed in the last 14 days", "contact-changed", []));

        // Act
        var after = ApprovalHash.Compute(recoveryCase);

        // Assert
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Compute_AfterEvidenceChanged_Differs()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var before = ApprovalHash.Compute(recoveryCase);
        recoveryCase.Steps[0].Evidence.Add(Passed(StepKind.OneTimeCode, SubmittedAt.AddMinutes(1), "someone-else"));

        // Act
        var after = ApprovalHash.Compute(recoveryCase);

        // Assert
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Compute_AfterTheRequestedActionChanged_Differs()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var before = ApprovalHash.Compute(recoveryCase);
        recoveryCase.EffectiveAction = RequestedAction.TemporaryAccessPass;

        // Act
        var after = ApprovalHash.Compute(recoveryCase);

        // Assert
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Compute_AfterTheTierWasRaised_Differs()
    {
        // Arrange
        var recoveryCase = AwaitingElevated();
        var before = ApprovalHash.Compute(recoveryCase);
        recoveryCase.TierId = "privileged";

        // Act
        var after = ApprovalHash.Compute(recoveryCase);

        // Assert
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Compute_TwoCasesForTheSameRequest_Differ()
    {
        // Arrange
        var first = AwaitingElevated();
        var second = AwaitingElevated();

        // Act
        var (a, b) = (ApprovalHash.Compute(first), ApprovalHash.Compute(second));

        // Assert
        Assert.NotEqual(a, b);
    }

    private static ApprovalDecision Copy(ApprovalDecision decision) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = decision.CaseId,
        ApproverId = decision.ApproverId,
        ApproverName = decision.ApproverName,
        ApproverRoles = decision.ApproverRoles,
        Approved = decision.Approved,
        RequestHash = decision.RequestHash,
        DecidedAt = decision.DecidedAt,
        ValidUntil = decision.ValidUntil,
    };
}
