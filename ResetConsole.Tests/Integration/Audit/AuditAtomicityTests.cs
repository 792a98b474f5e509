using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Exceptions;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

// A change and its audit entry commit together or not at all: when the entry cannot be written, the change is gone too.
public sealed class AuditAtomicityTests : IAsyncLifetime
{
    private readonly FailingAuditLog.Switch _failOn = new();
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _lee = default!;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync(configure: services => FailingAuditLog.Replace(services, _failOn));
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Open_WhenTheAuditEntryFails_LeavesNoCase()
    {
        _failOn.Action = "case.opened";

        await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync(DemoAccounts.StandardEmployee, RequestedAction.PasswordReset));

        await using var db = await _harness.DbAsync();
        Assert.Equal(0, await db.RecoveryCases.CountAsync());
        Assert.Equal(0, await db.DailyCounts.CountAsync());
    }

    [Fact]
    public async Task Freeze_WhenTheAuditEntryFails_LeavesTheCaseAsItWasAndTheAccountUnprotected()
    {
        var caseId = await OpenAsync(DemoAccounts.StandardEmployee, RequestedAction.PasswordReset);
        _failOn.Action = "case.frozen";

        await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Get<CaseService>().FreezeAsync(_dana, caseId, "pushy caller"));

        await using var db = await _harness.DbAsync();
        Assert.Equal(CaseStatus.Verifying, (await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId)).Status);
        Assert.Equal(0, await db.SubjectProtections.CountAsync());
        Assert.Equal(0, await db.SecurityAlerts.CountAsync());
    }

    [Fact]
    public async Task Grant_WhenTheAuditEntryFails_LeavesTheRequestAndTheStepUntouched()
    {
        var caseId = await OpenAsync(DemoAccounts.ExecutiveAbroad, RequestedAction.MfaReset);
        Guid step;
        await using (var db = await _harness.DbAsync())
        {
            step = (await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId)).Steps.Single(s => s.Allows(StepKind.Push)).Id;
        }

        var id = await _harness.Get<ExceptionService>().RequestAsync(_dana, caseId, step, "enrolled-device-unavailable", "abroad", "booking");
        _failOn.Action = "exception.granted";

        await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Get<ExceptionService>().GrantAsync(_lee, id, TimeSpan.FromHours(1), null));

        await using var check = await _harness.DbAsync();
        Assert.Equal(ExceptionStatus.Requested, (await check.ExceptionGrants.AsNoTracking().SingleAsync(e => e.Id == id)).Status);
        Assert.Equal(StepStatus.Pending, (await check.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId)).Steps.Single(s => s.Id == step).Status);
    }

    private async Task<Guid> OpenAsync(string username, RequestedAction action)
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException();
        return await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(subject.Id, action, RequestChannel.Phone, $"INC-{username}"));
    }
}
