using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Exceptions;
using ResetConsole.Features.Security;
using ResetConsole.Features.Verification;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;
using ResetConsole.Tests.Integration.Notifications;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Security;

// Journey 5 and the dashboard's reads: every alert is stored with its change, listed newest first, logged for a SIEM
// without contact data, and readable only by security leads and auditors.
public sealed class SecurityDashboardTests : IAsyncLifetime
{
    private const int Limit = 15_000;

    private readonly CapturingLoggerProvider _logs = new();
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _lee = default!;
    private StaffActor _ari = default!;

    private SecurityDashboardService Dashboard => _harness.Get<SecurityDashboardService>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync(configure: services => services.AddLogging(b => b.AddProvider(_logs)));
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        _ari = await _harness.StaffAsync("ari", Roles.Auditor);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = Limit)]
    public async Task WrongCodeThreeTimes_RaisesFailedVerificationAlertsThenAFreeze()
    {
        var (caseId, _, _) = await FailCodeThreeTimesAsync();

        var alerts = await Dashboard.AlertsAsync(_ari, 50);

        Assert.Equal([AlertKind.CaseFrozen, AlertKind.VerificationFailed, AlertKind.VerificationFailed],
            alerts.Where(a => a.CaseId == caseId).Select(a => a.Kind).ToArray());
        Assert.All(alerts, a => Assert.NotNull(a.CaseReference));
        var summary = await Dashboard.SummaryAsync(_lee);
        Assert.Equal((1, 1), (summary.Frozen, summary.Protected));
    }

    [Fact(Timeout = Limit)]
    public async Task WrongCodeThreeTimes_LogsSecurityEventsWithoutTheCodeOrContacts()
    {
        var (_, subject, code) = await FailCodeThreeTimesAsync();

        var logged = _logs.Text;
        Assert.Contains("ResetConsole.Security", logged);
        Assert.Contains("AlertKind=CaseFrozen", logged);
        Assert.All(subject.Contacts, c => Assert.DoesNotContain(c.Value, logged));
        Assert.DoesNotContain(code, logged);
    }

    [Fact(Timeout = Limit)]
    public async Task WrongCodeThreeTimes_PublishesAnAlertEventPerAlert()
    {
        var raised = new List<ConsoleEvent>();
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = _harness.Get<ConsoleEventHub>().Subscribe(e =>
        {
            if (e.Topic == ConsoleTopic.AlertRaised)
            {
                lock (raised)
                {
                    raised.Add(e);
                    if (raised.Count == 3)
                    {
                        three.SetResult();
                    }
                }
            }

            return Task.CompletedTask;
        });

        var (caseId, _, _) = await FailCodeThreeTimesAsync();

        await three.Task;
        Assert.All(raised, e => Assert.Equal(caseId, e.CaseId));
        Assert.Equal(3, raised.Select(e => e.ItemId).Distinct().Count());
    }

    [Fact(Timeout = Limit)]
    public async Task SuspectedSocialEngineering_RaisesAHighAlert()
    {
        var caseId = await OpenAsync(DemoAccounts.StandardEmployee);

        await _harness.Get<CaseService>().FreezeAsync(_dana, caseId, "caller pushed to skip the code");

        var alert = Assert.Single(await Dashboard.AlertsAsync(_lee, 10));
        Assert.Equal((AlertKind.SuspectedSocialEngineering, AlertSeverity.High, "dana"), (alert.Kind, alert.Severity, alert.ActorName));
    }

    [Fact(Timeout = Limit)]
    public async Task OpeningForAnAccountResetYesterday_RaisesARepeatResetAlert()
    {
        var caseId = await OpenAsync(DemoAccounts.ResetYesterday);

        var alert = Assert.Single(await Dashboard.AlertsAsync(_lee, 10));
        Assert.Equal((AlertKind.RepeatReset, caseId), (alert.Kind, alert.CaseId));
    }

    [Fact(Timeout = Limit)]
    public async Task OpeningAtNight_RaisesAnOutsideBusinessHoursAlert()
    {
        await using var night = await ServiceHarness.StartAsync(ServiceHarness.Weekday.AddHours(12)); // 22:00 London
        var dana = await night.StaffAsync("dana", Roles.Agent);
        var subject = await night.Get<IDirectoryConnector>().FindByUsernameAsync(DemoAccounts.StandardEmployee);
        await night.Get<CaseService>().OpenAsync(dana, new OpenCaseRequest(subject!.Id, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-NIGHT"));

        var alerts = await night.Get<SecurityDashboardService>().AlertsAsync(await night.StaffAsync("lee", Roles.SecurityLead), 10);

        Assert.Contains(alerts, a => a.Kind == AlertKind.OutsideBusinessHours);
    }

    [Fact(Timeout = Limit)]
    public async Task Dashboard_ForAnAgent_IsRefused()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() => Dashboard.AlertsAsync(_dana, 10));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Dashboard.SummaryAsync(_dana));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Dashboard.ActiveAsync(_dana, 0, 25));
    }

    [Fact(Timeout = Limit)]
    public async Task ActiveExceptions_ArePagedEndingSoonestFirst()
    {
        var exceptions = _harness.Get<ExceptionService>();
        var first = await GrantedAsync(exceptions, DemoAccounts.ExecutiveAbroad, TimeSpan.FromHours(4));
        var second = await GrantedAsync(exceptions, DemoAccounts.Ceo, TimeSpan.FromHours(1));

        var page = await Dashboard.ActiveAsync(_ari, 0, 1);

        Assert.Equal(2, page.Total);
        Assert.Equal(second, Assert.Single(page.Items).Id);
        Assert.Equal(first, Assert.Single((await Dashboard.ActiveAsync(_ari, 1, 1)).Items).Id);
        Assert.All((await Dashboard.ActiveAsync(_ari, 0, 10)).Items, e => Assert.False(e.CanRevoke)); // auditors read only
    }

    [Fact(Timeout = Limit)]
    public async Task Reviews_ListsOverdueFirst()
    {
        var exceptions = _harness.Get<ExceptionService>();
        var old = await GrantedAsync(exceptions, DemoAccounts.ExecutiveAbroad, TimeSpan.FromHours(1));
        _harness.Time.Advance(TimeSpan.FromHours(25));
        await GrantedAsync(exceptions, DemoAccounts.Ceo, TimeSpan.FromHours(1), await _harness.StaffAsync("kim", Roles.SecurityLead));

        var reviews = await Dashboard.ReviewsAsync(_ari, 0, 10);

        Assert.Equal(old, reviews.Items[0].Id);
        Assert.True(reviews.Items[0].IsReviewOverdue(_harness.Time.GetUtcNow()));
        Assert.False(reviews.Items[1].IsReviewOverdue(_harness.Time.GetUtcNow()));
        Assert.Equal((1, 1), ((await Dashboard.SummaryAsync(_ari)).ReviewsOverdue, (await Dashboard.SummaryAsync(_ari)).ReviewsDue));
    }

    private async Task<Guid> GrantedAsync(ExceptionService exceptions, string username, TimeSpan duration, StaffActor? granter = null)
    {
        var caseId = await OpenAsync(username, RequestedAction.MfaReset);
        await using var db = await _harness.DbAsync();
        var step = (await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId)).Steps.Single(s => s.Allows(StepKind.Push)).Id;
        var id = await exceptions.RequestAsync(_dana, caseId, step, "enrolled-device-unavailable", "travelling", "booking");
        await exceptions.GrantAsync(granter ?? _lee, id, duration, null);
        return id;
    }

    private async Task<(Guid CaseId, Subject Subject, string Code)> FailCodeThreeTimesAsync()
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(DemoAccounts.StandardEmployee) ?? throw new InvalidOperationException();
        var caseId = await OpenAsync(DemoAccounts.StandardEmployee);
        var verification = _harness.Get<VerificationService>();
        await using var db = await _harness.DbAsync();
        var step = (await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId)).Steps.Single().Id;
        await verification.SendCodeAsync(_dana, caseId, step, subject.Contacts.First(c => c.Kind == ContactKind.Email).Id);
        var code = await _harness.LastCodeToAsync(subject.Id);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 3; i++)
        {
            await verification.CheckCodeAsync(_dana, caseId, step, wrong);
            _harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        return (caseId, subject, code);
    }

    private async Task<Guid> OpenAsync(string username, RequestedAction action = RequestedAction.PasswordReset)
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException($"No account {username}.");
        return await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(subject.Id, action, RequestChannel.Phone, $"INC-{username}"));
    }
}
