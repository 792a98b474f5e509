using ResetConsole.Domain.Cases;
using ResetConsole.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

public sealed class RecoveryCasePassStepTests
{
    private static readonly DateTimeOffset At = Now.AddMinutes(3);

    [Fact]
    public void PassStep_OnlyStepOfStandardScript_VerifiesCase()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");

        // Act
        recoveryCase.PassStep(step.Id, Passed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal(CaseStatus.Verified, recoveryCase.Status);
    }

    [Fact]
    public void PassStep_LastStep_SetsVerifiedUntilToNowPlusValidity()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal((At, At + Validity), (recoveryCase.VerifiedAt, recoveryCase.VerifiedUntil));
    }

    [Fact]
    public void PassStep_StepsStillPending_StaysVerifying()
    {
        // Arrange
        var recoveryCase = OpenElevated();

        // Act
        recoveryCase.PassStep(recoveryCase.StepById("contact-code").Id, Passed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
        Assert.Null(recoveryCase.VerifiedUntil);
    }

    [Fact]
    public void PassStep_AllowedKind_MarksStepPassedWithEvidence()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("contact-code");
        var evidence = Passed(StepKind.OneTimeCode, At);

        // Act
        recoveryCase.PassStep(step.Id, evidence, At);

        // Assert
        Assert.Equal(StepStatus.Passed, step.Status);
        Assert.Equal([StepKind.OneTimeCode], step.PassedKinds);
        Assert.Equal([evidence], step.Evidence);
    }

    [Fact]
    public void PassStep_AnyStep_UpdatesTimestamp()
    {
        // Arrange
        var recoveryCase = OpenElevated();

        // Act
        recoveryCase.PassStep(recoveryCase.StepById("contact-code").Id, Passed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal(At, recoveryCase.UpdatedAt);
    }

    [Theory]
    [InlineData(StepKind.Push)]
    [InlineData(StepKind.ManagerAttestation)]
    public void PassStep_EitherOptionOfOneOfStep_PassesStep(StepKind kind)
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("possession-or-manager");

        // Act
        recoveryCase.PassStep(step.Id, Passed(kind, At), At);

        // Assert
        Assert.Equal(StepStatus.Passed, step.Status);
    }

    [Fact]
    public void PassStep_OneOfStepAndCodeStepPassed_VerifiesCase()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        recoveryCase.PassStep(recoveryCase.StepById("contact-code").Id, Passed(StepKind.OneTimeCode, At), At);

        // Act
        recoveryCase.PassStep(recoveryCase.StepById("possession-or-manager").Id, Passed(StepKind.ManagerAttestation, At), At);

        // Assert
        Assert.Equal(CaseStatus.Verified, recoveryCase.Status);
    }

    [Fact]
    public void PassStep_KindTheStepDoesNotAllow_Throws()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("contact-code");

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(step.Id, Passed(StepKind.KnowledgeCheck, At), At));

        // Assert
        Assert.Equal("This step cannot be satisfied by knowledge-check.", ex.Message);
    }

    [Fact]
    public void PassStep_KindTheStepDoesNotAllow_RecordsNothing()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("possession-or-manager");

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(step.Id, Passed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal((StepStatus.Pending, 0, 0), (step.Status, step.Evidence.Count, recoveryCase.Version));
    }

    [Fact]
    public void PassStep_StepAlreadyPassed_Throws()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("contact-code");
        recoveryCase.PassStep(step.Id, Passed(StepKind.OneTimeCode, At), At);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(step.Id, Passed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal("This step is already passed.", ex.Message);
    }

    [Fact]
    public void PassStep_OtherOptionOfPassedOneOfStep_Throws()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("possession-or-manager");
        recoveryCase.PassStep(step.Id, Passed(StepKind.Push, At), At);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(step.Id, Passed(StepKind.ManagerAttestation, At), At));

        // Assert
        Assert.Equal("This step is already passed.", ex.Message);
    }

    [Fact]
    public void PassStep_UnknownStepId_Throws()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(Guid.NewGuid(), Passed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal("This step is not part of the case.", ex.Message);
    }

    [Fact]
    public void PassStep_StepOfAnotherCase_Throws()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var otherStep = OpenStandard().Steps[0];

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(otherStep.Id, Passed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal("This step is not part of the case.", ex.Message);
    }

    [Fact]
    public void PassStep_FirstOfTwoRequiredMethods_LeavesStepPending()
    {
        // Arrange
        var recoveryCase = OpenWithTwoOfThreeStep();
        var step = recoveryCase.Steps.Single();

        // Act
        recoveryCase.PassStep(step.Id, Passed(StepKind.Push, At), At);

        // Assert
        Assert.Equal((StepStatus.Pending, CaseStatus.Verifying), (step.Status, recoveryCase.Status));
    }

    [Fact]
    public void PassStep_SecondDistinctMethodOfMinCountTwo_PassesStepAndVerifies()
    {
        // Arrange
        var recoveryCase = OpenWithTwoOfThreeStep();
        var step = recoveryCase.Steps.Single();
        recoveryCase.PassStep(step.Id, Passed(StepKind.Push, At), At);

        // Act
        recoveryCase.PassStep(step.Id, Passed(StepKind.IdentityDocument, At), At);

        // Assert
        Assert.Equal((StepStatus.Passed, CaseStatus.Verified), (step.Status, recoveryCase.Status));
        Assert.Equal([StepKind.Push, StepKind.IdentityDocument], step.PassedKinds);
    }

    [Fact]
    public void PassStep_SameMethodTwiceOnMinCountTwo_Throws()
    {
        // Arrange
        var recoveryCase = OpenWithTwoOfThreeStep();
        var step = recoveryCase.Steps.Single();
        recoveryCase.PassStep(step.Id, Passed(StepKind.Push, At), At);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(step.Id, Passed(StepKind.Push, At), At));

        // Assert
        Assert.Equal("This method already passed for this step; use a different one.", ex.Message);
    }

    [Fact]
    public void PassStep_RemainingStepsWaived_VerifiesCase()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var waived = recoveryCase.StepById("possession-or-manager");
        waived.Status = StepStatus.Waived;
        waived.WaivedByExceptionId = Guid.NewGuid();

        // Act
        recoveryCase.PassStep(recoveryCase.StepById("contact-code").Id, Passed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal(CaseStatus.Verified, recoveryCase.Status);
    }
}
