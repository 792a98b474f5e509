using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Exceptions;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Exceptions;

// The worker on a fake clock: its first sweep runs at start-up (an exception that ended while the server was down
// ends as soon as it is back), and later sweeps run on the clock's ticks.
public sealed class ExceptionWorkerTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _lee = default!;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = 15_000)]
    public async Task Start_AfterAnExceptionEndedWhileDown_ExpiresItAtOnceFromItsStoredEndTime()
    {
        var id = await GrantedAsync(TimeSpan.FromHours(4));
        var endsAt = _harness.Time.GetUtcNow().AddHours(4);
        _harness.Time.Advance(TimeSpan.FromHours(9)); // the server was down across the end time
        var expired = ExpiryOf(id);

        using var worker = Worker();
        await worker.StartAsync(CancellationToken.None);
        await expired;
        await worker.StopAsync(CancellationToken.None);

        var grant = await GrantAsync(id);
        Assert.Equal((ExceptionStatus.Expired, endsAt), (grant.Status, grant.EndedAt));
    }

    [Fact(Timeout = 15_000)]
    public async Task Tick_AfterTheEndTime_ExpiresIt()
    {
        var id = await GrantedAsync(TimeSpan.FromMinutes(15));
        using var worker = Worker();
        await worker.StartAsync(CancellationToken.None);
        var expired = ExpiryOf(id);

        _harness.Time.Advance(TimeSpan.FromMinutes(15));
        await expired;
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(ExceptionStatus.Expired, (await GrantAsync(id)).Status);
    }

    private ExceptionWorker Worker() => new(_harness.Get<ExceptionService>(), _harness.Time,
        Options.Create(new ExceptionOptions { SweepInterval = TimeSpan.FromSeconds(15) }), NullLogger<ExceptionWorker>.Instance);

    /// <summary>Completes when the hub announces a change to this exception after which it is no longer active.</summary>
    private Task ExpiryOf(Guid id)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? subscription = null;
        subscription = _harness.Get<ConsoleEventHub>().Subscribe(async e =>
        {
            if (e.Topic == ConsoleTopic.ExceptionChanged && e.ItemId == id && (await GrantAsync(id)).Status == ExceptionStatus.Expired)
            {
                subscription?.Dispose();
                done.TrySetResult();
            }
        });
        return done.Task;
    }

    private async Task<Guid> GrantedAsync(TimeSpan duration)
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(DemoAccounts.ExecutiveAbroad) ?? throw new InvalidOperationException();
        var caseId = await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(subject.Id, RequestedAction.MfaReset, RequestChannel.Phone, "INC-4"));
        Guid step;
        await using (var db = await _harness.DbAsync())
        {
            step = (await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId)).Steps.Single(s => s.Allows(StepKind.Push)).Id;
        }

        var exceptions = _harness.Get<ExceptionService>();
        var id = await exceptions.RequestAsync(_dana, caseId, step, "enrolled-device-unavailable", "travelling", "booking");
        await exceptions.GrantAsync(_lee, id, duration, null);
        return id;
    }

    private async Task<ExceptionGrant> GrantAsync(Guid id)
    {
        await using var db = await _harness.DbAsync();
        return await db.ExceptionGrants.AsNoTracking().SingleAsync(e => e.Id == id);
    }
}
