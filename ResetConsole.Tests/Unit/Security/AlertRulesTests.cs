using ResetConsole.Auth;
using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Security;
using ResetConsole.Policy;
using ResetConsole.Tests.Unit.Domain.Cases;
using ResetConsole.Tests.Unit.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Security;

public sealed class AlertRulesTests
{
    private static readonly StaffActor Dana = new("https://idp.test/", AgentId, AgentName, "dana", new HashSet<string> { "Agent" }, false, null);

    [Theory]
    [InlineData("step.failed-attempt", AlertKind.VerificationFailed)]
    [InlineData("case.reported-not-me", AlertKind.NotMeReport)]
    [InlineData("case.needs-attention", AlertKind.NeedsAttention)]
    [InlineData("exception.granted", AlertKind.ExceptionGranted)]
    [InlineData("exception.review-overdue", AlertKind.ReviewOverdue)]
    public void ForChange_AnAlertingAction_RaisesItsKind(string action, AlertKind kind)
    {
        var recoveryCase = OpenStandard();

        var alert = Assert.Single(AlertRules.ForChange(Record(action, recoveryCase), recoveryCase, Now));

        Assert.Equal((kind, recoveryCase.Id, recoveryCase.Reference, AgentId), (alert.Kind, alert.CaseId, alert.CaseReference, alert.ActorId));
    }

    [Fact]
    public void ForChange_AFreezeByTheAgent_IsSuspectedSocialEngineering()
    {
        var recoveryCase = OpenStandard();
        recoveryCase.Freeze("Suspected social engineering: pushy caller", AgentId, Now);

        var alert = Assert.Single(AlertRules.ForChange(Record("case.frozen", recoveryCase), recoveryCase, Now));

        Assert.Equal((AlertKind.SuspectedSocialEngineering, AlertSeverity.High), (alert.Kind, alert.Severity));
        Assert.DoesNotContain("pushy", alert.Summary); // the agent's free text stays in the case, not in the feed or the log
    }

    [Fact]
    public void ForChange_AFreezeFromFailedSteps_IsACaseFrozenAlert()
    {
        var recoveryCase = OpenStandard();
        recoveryCase.Freeze("Step failed: one-time code attempts exhausted.", AgentId, Now);

        Assert.Equal(AlertKind.CaseFrozen, Assert.Single(AlertRules.ForChange(Record("case.frozen", recoveryCase), recoveryCase, Now)).Kind);
    }

    [Fact]
    public void ForChange_ExecutionOfAPrivilegedCase_RaisesAPrivilegedResetNotice()
    {
        var privileged = OpenPrivileged();
        var standard = OpenStandard();

        Assert.Equal(AlertKind.PrivilegedReset, Assert.Single(AlertRules.ForChange(Record("case.execution-started", privileged), privileged, Now)).Kind);
        Assert.Empty(AlertRules.ForChange(Record("case.execution-started", standard), standard, Now));
    }

    [Theory]
    [InlineData("step.passed")]
    [InlineData("case.opened")]
    [InlineData("approval.approved")]
    public void ForChange_AnOrdinaryAction_RaisesNothing(string action)
    {
        var recoveryCase = OpenStandard();

        Assert.Empty(AlertRules.ForChange(Record(action, recoveryCase), recoveryCase, Now));
    }

    [Fact]
    public void ForChange_ARefusal_RaisesNothing()
    {
        var recoveryCase = OpenStandard();

        Assert.Empty(AlertRules.ForChange(Record("case.frozen", recoveryCase, AuditRecord.Refused), recoveryCase, Now));
    }

    [Fact]
    public void ForOpening_MapsSignalsByWhatTheyDetect_NotByTheirNames()
    {
        var subject = PolicySamples.Employee();
        var history = new RecentHistory(LastResetAt: Now.AddHours(-2), AgentCasesLastHour: 30);
        var recoveryCase = Open(subject, Decide(subject, history: history, at: Now.AddHours(12)));

        var kinds = AlertRules.ForOpening(Record("case.opened", recoveryCase), recoveryCase, PolicyFiles.Default.Definition, Now).Select(a => a.Kind).Order().ToArray();

        Assert.Equal([AlertKind.RepeatReset, AlertKind.AgentVelocity, AlertKind.OutsideBusinessHours], kinds);
    }

    private static AuditRecord Record(string action, RecoveryCase recoveryCase, string outcome = AuditRecord.Succeeded) =>
        new(Dana, action, outcome, recoveryCase.Id, recoveryCase.SubjectId, new Dictionary<string, string?> { ["method"] = "one-time code", ["type"] = "enrolled-device-unavailable" });
}
