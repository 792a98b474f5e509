using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Directory.Demo;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Policy;
using ResetConsole.Features.Verification;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Components.Approvals;

/// <summary>The live queue against real services: a case submitted elsewhere appears without any reload.</summary>
public sealed class ApprovalQueueViewTests : ConsoleTestContext
{
    private ServiceHarness _harness = default!;

    protected override async Task OnInitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        Services.AddSingleton(_harness.Get<ApprovalService>());
        Services.AddSingleton(_harness.Get<IPolicyCatalog>());
        Services.AddSingleton(_harness.Get<ConsoleEventHub>());
        Services.AddSingleton<TimeProvider>(_harness.Time);
    }

    protected override async Task OnDisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task HubPublishes_ACaseSubmittedElsewhere_AppearsInTheOpenQueue()
    {
        await _harness.StaffAsync("sam", Roles.Supervisor);
        var principal = SignIn("sam", Roles.Supervisor);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(StaffClaims.Issuer, "https://idp.test/"));
        var queue = Render<ApprovalQueueView>(p => p.Add(c => c.Queue, ApprovalQueue.Supervisor));
        Assert.Contains("Nothing is waiting", queue.Markup);

        await SubmitElevatedCaseAsync();

        queue.WaitForAssertion(() => Assert.Contains("Fiona Grant", queue.Markup), TimeSpan.FromSeconds(5));
        Assert.Contains("<strong>1</strong> waiting", queue.Markup);
        Assert.Single(queue.FindAll("tbody tr"));
    }

    [Fact]
    public async Task HubPublishes_AnotherCaseJoiningTheQueue_RendersTheListOnceAndLeavesTheExistingRowAsItWas()
    {
        await _harness.StaffAsync("sam", Roles.Supervisor);
        var principal = SignIn("sam", Roles.Supervisor);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(StaffClaims.Issuer, "https://idp.test/"));
        await SubmitElevatedCaseAsync();
        var queue = Render<ApprovalQueueView>(p => p.Add(c => c.Queue, ApprovalQueue.Supervisor));
        var list = queue.FindComponent<QueueList>();
        var firstRow = queue.Find("tbody tr").OuterHtml;
        var renders = list.RenderCount;

        _harness.Get<ConsoleEventHub>().Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, Guid.NewGuid()));
        await SubmitElevatedCaseAsync(RequestedAction.MfaReset);

        queue.WaitForAssertion(() => Assert.Equal(2, queue.FindAll("tbody tr").Count), TimeSpan.FromSeconds(5));
        Assert.Equal(renders + 1, list.RenderCount); // the unrelated event rendered nothing
        // Same markup and the same click handler id: the diff sends nothing for the row that did not change.
        Assert.Contains(firstRow, queue.FindAll("tbody tr").Select(r => r.OuterHtml));
    }

    [Fact]
    public async Task HubPublishes_CasesJoiningTheQueue_UpdateTheNavCounterLiveAtMostOnceASecond()
    {
        Services.AddSingleton(new ResetConsole.Infrastructure.DemoMode(true));
        await _harness.StaffAsync("sam", Roles.Supervisor);
        var principal = SignIn("sam", Roles.Supervisor);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(StaffClaims.Issuer, "https://idp.test/"));
        var nav = Render<ResetConsole.Components.Layout.NavMenu>();
        Assert.Empty(nav.FindAll(".nav-count"));

        // Opening and verifying the case publishes a burst of changes: the first refreshes the badge at once (still
        // nothing waiting), the rest are held to the end of the second.
        await SubmitElevatedCaseAsync();
        Assert.Empty(nav.FindAll(".nav-count"));

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        nav.WaitForAssertion(() => Assert.Equal("1 waiting", nav.Find(".nav-count").GetAttribute("aria-label")), TimeSpan.FromSeconds(5));

        await SubmitElevatedCaseAsync(RequestedAction.MfaReset);
        Assert.Equal("1 waiting", nav.Find(".nav-count").GetAttribute("aria-label")); // within the second: held back

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        nav.WaitForAssertion(() => Assert.Equal("2 waiting", nav.Find(".nav-count").GetAttribute("aria-label")), TimeSpan.FromSeconds(5));
    }

    private async Task SubmitElevatedCaseAsync(RequestedAction action = RequestedAction.PasswordReset)
    {
        var dana = await _harness.StaffAsync("dana", Roles.Agent);
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.FinanceApprover);
        var cases = _harness.Get<CaseService>();
        var verification = _harness.Get<VerificationService>();
        var id = await cases.OpenAsync(dana, new OpenCaseRequest(subjectId, action, RequestChannel.Phone, "INC-Q1"));
        var details = await cases.GetAsync(dana, id);
        var codeStep = details.Case.Steps.Single(s => s.Allows(StepKind.OneTimeCode));
        await verification.SendCodeAsync(dana, id, codeStep.Id, details.Subject.Contacts[0].Id);
        var code = await _harness.LastCodeToAsync(subjectId);
        await verification.CheckCodeAsync(dana, id, codeStep.Id, code);
        var pushStep = details.Case.Steps.Single(s => s.Allows(StepKind.Push));
        await verification.SendPushAsync(dana, id, pushStep.Id, details.Subject.PushDevices[0].Id);
        var challengeId = await _harness.LastChallengeToAsync(subjectId);
        await _harness.Get<ChallengeResponder>().RespondAsync(await _harness.StaffAsync(DemoAccounts.FinanceApprover), challengeId, approve: true);
        await cases.SubmitForApprovalAsync(dana, id);
    }
}
