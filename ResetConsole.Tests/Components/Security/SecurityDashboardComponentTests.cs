using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Components.Shared;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Exceptions;
using ResetConsole.Features.Security;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Components.Security;

/// <summary>The dashboard's sections against real services: they change when the hub says so, and only then.</summary>
public sealed class SecurityDashboardComponentTests : ConsoleTestContext
{
    private ServiceHarness _harness = default!;
    private StaffActor _ari = default!;
    private StaffActor _dana = default!;
    private StaffActor _lee = default!;

    protected override async Task OnInitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        Services.AddSingleton(_harness.Get<SecurityDashboardService>());
        Services.AddSingleton(_harness.Get<ExceptionService>());
        Services.AddSingleton(_harness.Get<ConsoleEventHub>());
        Services.AddSingleton<TimeProvider>(_harness.Time);
        _ari = await _harness.StaffAsync("ari", Roles.Auditor);
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
    }

    protected override async Task OnDisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AlertFeed_AFreezeElsewhere_AppearsWithoutAReload()
    {
        var feed = Render<AlertFeed>(p => p.Add(c => c.Actor, _ari));
        Assert.Contains("No alerts.", feed.Markup);

        var caseId = await OpenAsync(DemoAccounts.StandardEmployee, RequestedAction.PasswordReset);
        await _harness.Get<CaseService>().FreezeAsync(_dana, caseId, "caller refused the callback");

        feed.WaitForAssertion(() => Assert.Contains("Suspected social engineering", feed.Markup), TimeSpan.FromSeconds(5));
        Assert.Single(feed.FindAll("ol.alert-feed li"));
        Assert.Contains($"/cases/{caseId}", feed.Find("ol.alert-feed a").GetAttribute("href"));
    }

    [Fact]
    public async Task ExceptionTable_AGrantElsewhere_ShowsItWithItsEndTimeTickingInTheBrowser()
    {
        var table = Render<ExceptionTable>(p => p.Add(c => c.Actor, _ari).Add(c => c.Kind, ExceptionList.Active).Add(c => c.Title, "Active exceptions"));
        Assert.Contains("None.", table.Markup);

        await GrantAsync(TimeSpan.FromHours(4));

        table.WaitForAssertion(() => Assert.Single(table.FindAll("tbody tr")), TimeSpan.FromSeconds(5));
        // The row carries the deadline for the browser to tick (wwwroot/js/countdown.js); no component per row.
        var chip = table.Find("[data-countdown]");
        Assert.Equal(_harness.Time.GetUtcNow().AddHours(4).ToString("O"), chip.GetAttribute("data-countdown"));
        Assert.Equal("timer", chip.GetAttribute("role"));
        Assert.Contains("4h 0m 00s left", chip.TextContent);
        Assert.Empty(table.FindAll("button")); // an auditor reads only
    }

    [Fact]
    public async Task ExceptionTable_EventsForCases_DoNotRenderIt()
    {
        await GrantAsync(TimeSpan.FromHours(4));
        var table = Render<ExceptionTable>(p => p.Add(c => c.Actor, _ari).Add(c => c.Kind, ExceptionList.Active).Add(c => c.Title, "Active exceptions"));
        table.WaitForAssertion(() => Assert.Single(table.FindAll("tbody tr")), TimeSpan.FromSeconds(5));
        var renders = table.RenderCount;

        var hub = _harness.Get<ConsoleEventHub>();
        hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, Guid.NewGuid()));
        hub.Publish(new ConsoleEvent(ConsoleTopic.AlertRaised, Guid.NewGuid()));
        _harness.Time.Advance(TimeSpan.FromMinutes(10)); // time passing renders nothing either: the browser ticks

        // A marker published after them reaches a test subscriber once the hub has handed the earlier ones out.
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (hub.Subscribe(e => { if (e.Topic == ConsoleTopic.OutboxChanged) { marker.TrySetResult(); } return Task.CompletedTask; }))
        {
            hub.Publish(new ConsoleEvent(ConsoleTopic.OutboxChanged));
            await marker.Task;
        }

        Assert.Equal(renders, table.RenderCount);
    }

    [Fact]
    public async Task ExceptionTable_ForASecurityLead_OffersGrantOnARequest()
    {
        var caseId = await OpenAsync(DemoAccounts.ExecutiveAbroad, RequestedAction.MfaReset);
        await RequestAsync(caseId);

        var table = Render<ExceptionTable>(p => p.Add(c => c.Actor, _lee).Add(c => c.Kind, ExceptionList.Requests).Add(c => c.Title, "Exception requests"));

        Assert.NotNull(table.Find("button[aria-label^='Grant Enrolled device unavailable']"));
        Assert.NotNull(table.Find("button[aria-label^='Deny Enrolled device unavailable']"));
    }

    private async Task GrantAsync(TimeSpan duration)
    {
        var caseId = await OpenAsync(DemoAccounts.ExecutiveAbroad, RequestedAction.MfaReset);
        await _harness.Get<ExceptionService>().GrantAsync(_lee, await RequestAsync(caseId), duration, null);
    }

    private async Task<Guid> RequestAsync(Guid caseId)
    {
        await using var db = await _harness.DbAsync();
        var step = (await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId)).Steps.Single(s => s.Allows(StepKind.Push)).Id;
        return await _harness.Get<ExceptionService>().RequestAsync(_dana, caseId, step, "enrolled-device-unavailable", "travelling", "booking");
    }

    private async Task<Guid> OpenAsync(string username, RequestedAction action)
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException();
        return await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(subject.Id, action, RequestChannel.Phone, $"INC-{username}"));
    }
}
