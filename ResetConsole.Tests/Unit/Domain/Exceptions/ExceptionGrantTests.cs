using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Policy;
using ResetConsole.Tests.Unit.Domain.Cases;
using ResetConsole.Tests.Unit.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Exceptions;

public sealed class ExceptionGrantTests
{
    private static readonly ExceptionType DeviceUnavailable = PolicyFiles.Default.Definition.ExceptionTypes.Single(t => t.Id == "enrolled-device-unavailable");
    private static readonly ExceptionType ManagerUnreachable = PolicyFiles.Default.Definition.ExceptionTypes.Single(t => t.Id == "manager-unreachable");

    [Fact]
    public void Request_OnAPendingWaivableStep_SnapshotsTheTypeAndTheMethodItStandsFor()
    {
        var (recoveryCase, step) = ElevatedWithPossessionStep();

        var grant = ExceptionGrant.Request(recoveryCase, step, DeviceUnavailable, " abroad ", " booking ", AgentId, AgentName, Now);

        Assert.Equal((ExceptionStatus.Requested, StepKind.Push, TimeSpan.FromHours(8), TimeSpan.FromHours(24), "abroad", "booking"),
            (grant.Status, grant.WaivedKind, grant.MaxDuration, grant.ReviewWithin, grant.Reason, grant.Evidence));
        Assert.Equal(["SecurityLead"], grant.GrantedByRoles);
    }

    [Fact]
    public void Request_ManagerUnreachable_StandsForTheManagerAttestation()
    {
        var (recoveryCase, step) = ElevatedWithPossessionStep();

        var grant = ExceptionGrant.Request(recoveryCase, step, ManagerUnreachable, "on leave", "HR calendar", AgentId, AgentName, Now);

        Assert.Equal(StepKind.ManagerAttestation, grant.WaivedKind);
    }

    [Fact]
    public void Request_OnACaseThatIsNotVerifying_IsRefused()
    {
        var (recoveryCase, step) = ElevatedWithPossessionStep();
        recoveryCase.Freeze("suspicious", AgentId, Now);

        var error = Assert.Throws<CaseRuleException>(() => ExceptionGrant.Request(recoveryCase, step, DeviceUnavailable, "abroad", "booking", AgentId, AgentName, Now));

        Assert.Contains("while the case is verifying", error.Message);
    }

    [Fact]
    public void Grant_ByTheRequester_IsRefused()
    {
        var grant = Requested();

        Assert.Throws<CaseRuleException>(() => grant.Grant(AgentId, AgentName, TimeSpan.FromHours(1), null, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(8 * 60 + 1)]
    public void Grant_ForADurationOutsideTheTypesBounds_IsRefused(int minutes)
    {
        var grant = Requested();

        Assert.Throws<CaseRuleException>(() => grant.Grant("lee", "Lee", TimeSpan.FromMinutes(minutes), null, Now));
        Assert.Equal(ExceptionStatus.Requested, grant.Status);
    }

    [Fact]
    public void Grant_SetsTheEndAndTheReviewDeadline()
    {
        var grant = Requested();

        grant.Grant("lee", "Lee", TimeSpan.FromHours(8), "ok", Now);

        Assert.Equal((ExceptionStatus.Active, Now.AddHours(8), Now.AddHours(24), 1), (grant.Status, grant.EndsAt, grant.ReviewDueAt, grant.Version));
        Assert.True(grant.IsActive(Now.AddHours(8).AddTicks(-1)));
        Assert.False(grant.IsActive(Now.AddHours(8)));
    }

    [Fact]
    public void Grant_Twice_IsRefused()
    {
        var grant = Requested();
        grant.Grant("lee", "Lee", TimeSpan.FromHours(1), null, Now);

        var error = Assert.Throws<CaseRuleException>(() => grant.Grant("kim", "Kim", TimeSpan.FromHours(1), null, Now));

        Assert.Equal("This exception was already active.", error.Message);
    }

    [Fact]
    public void ExpireIfDue_LongAfterTheEnd_RecordsTheStoredEndTime()
    {
        var grant = Requested();
        grant.Grant("lee", "Lee", TimeSpan.FromHours(4), null, Now);

        Assert.False(grant.ExpireIfDue(Now.AddHours(3)));
        Assert.True(grant.ExpireIfDue(Now.AddDays(2)));

        Assert.Equal((ExceptionStatus.Expired, Now.AddHours(4)), (grant.Status, grant.EndedAt));
        Assert.False(grant.ExpireIfDue(Now.AddDays(3)));
    }

    [Fact]
    public void Revoke_AfterItEnded_IsRefused()
    {
        var grant = Requested();
        grant.Grant("lee", "Lee", TimeSpan.FromHours(1), null, Now);

        Assert.Throws<CaseRuleException>(() => grant.Revoke("kim", "Kim", "too late", Now.AddHours(1)));
    }

    [Fact]
    public void Review_ByTheGranterOrTheRequester_IsRefused()
    {
        var grant = Requested();
        grant.Grant("lee", "Lee", TimeSpan.FromHours(1), null, Now);

        Assert.Throws<CaseRuleException>(() => grant.Review("lee", "Lee", ReviewOutcome.Appropriate, "fine", Now));
        Assert.Throws<CaseRuleException>(() => grant.Review(AgentId, AgentName, ReviewOutcome.Appropriate, "fine", Now));
    }

    [Fact]
    public void Review_IsOverdueOnlyPastItsDeadlineAndUntilRecorded()
    {
        var grant = Requested();
        grant.Grant("lee", "Lee", TimeSpan.FromHours(1), null, Now);

        Assert.False(grant.IsReviewOverdue(Now.AddHours(24).AddTicks(-1)));
        Assert.True(grant.IsReviewOverdue(Now.AddHours(24)));
        grant.Review("kim", "Kim", ReviewOutcome.Inappropriate, "no travel record found", Now.AddHours(30));
        Assert.False(grant.IsReviewOverdue(Now.AddHours(30)));
        Assert.Throws<CaseRuleException>(() => grant.Review("ari", "Ari", ReviewOutcome.Appropriate, "again", Now.AddHours(31)));
    }

    [Fact]
    public void Review_OfARequestNeverGranted_IsRefused()
    {
        var grant = Requested();

        Assert.Throws<CaseRuleException>(() => grant.Review("kim", "Kim", ReviewOutcome.Appropriate, "fine", Now));
    }

    private static ExceptionGrant Requested()
    {
        var (recoveryCase, step) = ElevatedWithPossessionStep();
        return ExceptionGrant.Request(recoveryCase, step, DeviceUnavailable, "abroad", "booking", AgentId, AgentName, Now);
    }

    private static (RecoveryCase Case, VerificationStep Step) ElevatedWithPossessionStep()
    {
        var recoveryCase = OpenElevated();
        return (recoveryCase, recoveryCase.Steps.Single(s => s.Allows(StepKind.Push)));
    }
}
