using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration;

// Lists kept in one JSON column each (reasons, signals, a step's evidence): change tracking compares the lists element by
// element against a copy taken when the case was read, so every kind of edit reaches the file and a case read and left
// alone is not written back.
public sealed class JsonColumnTrackingTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private Guid _caseId;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _caseId = await _harness.OpenCaseAsync("dana", DemoAccounts.StandardEmployee);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ACaseReadAndLeftAlone_HasNothingToSave()
    {
        await using var db = await _harness.DbAsync();
        var recoveryCase = await db.RecoveryCases.SingleAsync(c => c.Id == _caseId);
        Assert.NotEmpty(recoveryCase.Reasons);
        Assert.NotEmpty(recoveryCase.Steps);

        db.ChangeTracker.DetectChanges();

        Assert.False(db.ChangeTracker.HasChanges());
    }

    [Fact]
    public async Task AnElementAddedReplacedOrRemoved_IsSaved()
    {
        var reason = new CaseReason("Caller asked for a reset after hours", "after-hours", ["IA-5"]);
        var evidence = new StepEvidence(StepKind.KnowledgeCheck, true, "Callback to number of record", null, "dana", "Dana", _harness.Time.GetUtcNow());
        string replaced;
        Guid stepId;
        await using (var db = await _harness.DbAsync())
        {
            var recoveryCase = await db.RecoveryCases.SingleAsync(c => c.Id == _caseId);
            recoveryCase.Signals.Add(reason);
            replaced = recoveryCase.Reasons[0].Text + " (edited)";
            recoveryCase.Reasons[0] = recoveryCase.Reasons[0] with { Text = replaced };
            recoveryCase.ApprovalEligibleRoles.Add(Roles.Supervisor);
            recoveryCase.Version++; // every change to a case carries a new version (the database refuses one that does not)
            var step = recoveryCase.Steps.OrderBy(s => s.Order).First();
            stepId = step.Id;
            step.Evidence.Add(evidence);

            Assert.True(db.ChangeTracker.HasChanges());
            await db.SaveChangesAsync();
        }

        await using (var db = await _harness.DbAsync())
        {
            var saved = await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == _caseId);
            Assert.Equal(reason.Text, Assert.Single(saved.Signals, s => s.RuleId == reason.RuleId).Text);
            Assert.Equal(["IA-5"], saved.Signals.Single(s => s.RuleId == reason.RuleId).Controls);
            Assert.Equal(replaced, saved.Reasons[0].Text);
            Assert.Contains(Roles.Supervisor, saved.ApprovalEligibleRoles);
            Assert.Equal(evidence, Assert.Single(saved.Steps.Single(s => s.Id == stepId).Evidence));

            var tracked = await db.RecoveryCases.SingleAsync(c => c.Id == _caseId);
            tracked.Signals.RemoveAll(s => s.RuleId == reason.RuleId);
            tracked.Version++;
            await db.SaveChangesAsync();
        }

        await using (var db = await _harness.DbAsync())
        {
            var saved = await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == _caseId);
            Assert.DoesNotContain(saved.Signals, s => s.RuleId == reason.RuleId);
        }
    }
}
