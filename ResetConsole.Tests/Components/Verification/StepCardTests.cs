using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Directory.Demo;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Verification;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Components.Verification;

/// <summary>Step cards against the real services on SQLite: what an agent is offered, and what a click really does.</summary>
public sealed class StepCardTests : ConsoleTestContext
{
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;

    protected override async Task OnInitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        Services.AddSingleton(_harness.Get<VerificationService>());
    }

    protected override async Task OnDisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Render_CodeStepForTheWorkingAgent_OffersOnlyMaskedContactsOfRecord()
    {
        var (details, subject) = await OpenAsync(DemoAccounts.StandardEmployee);

        var card = RenderStep(details, 1, _dana);

        Assert.Contains("Send code", card.Markup);
        Assert.All(subject.Contacts, c => Assert.DoesNotContain(c.Value, card.Markup));
        Assert.All(subject.Contacts, c => Assert.Contains(c.Masked, card.Markup));
        Assert.Empty(card.FindAll("input[type=email], input[type=tel]"));
    }

    [Fact]
    public async Task SendCode_Clicked_SendsTheCodeToTheContactOfRecordAndNeverShowsIt()
    {
        var (details, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var card = RenderStep(details, 1, _dana);

        await card.FindAll("button").Single(b => b.TextContent.Contains("Send code")).ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        var message = await _harness.LastMessageToAsync(subject.Id);
        var after = RenderStep(await _harness.Get<CaseService>().GetAsync(_dana, details.Case.Id), 1, _dana);

        var code = OutboxText.Code(message.Body);
        Assert.Contains(message.Address, subject.Contacts.Select(c => c.Value));
        Assert.DoesNotContain(code, after.Markup);
        Assert.Contains("Code read back by the caller", after.Markup);
    }

    [Fact]
    public async Task Render_ForAnAuditor_OffersNoActions()
    {
        var (details, _) = await OpenAsync(DemoAccounts.StandardEmployee);
        var ari = await _harness.StaffAsync("ari", Roles.Auditor);

        var card = RenderStep(await _harness.Get<CaseService>().GetAsync(ari, details.Case.Id), 1, ari);

        Assert.Empty(card.FindAll("button"));
    }

    [Fact]
    public async Task Render_PassedStep_ShowsItsEvidenceAndNoActions()
    {
        var (details, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var verification = _harness.Get<VerificationService>();
        var step = details.Case.Steps.Single();
        await verification.SendCodeAsync(_dana, details.Case.Id, step.Id, subject.Contacts[0].Id);
        var code = await _harness.LastCodeToAsync(subject.Id);
        await verification.CheckCodeAsync(_dana, details.Case.Id, step.Id, code);

        var card = RenderStep(await _harness.Get<CaseService>().GetAsync(_dana, details.Case.Id), 1, _dana);

        Assert.Equal("Passed", card.Find("section").GetAttribute("data-step-status"));
        Assert.Contains("read back correctly", card.Markup);
        Assert.Empty(card.FindAll("button"));
    }

    [Fact]
    public async Task Render_CallbackStep_ShowsTheNumberOfRecordAndNoFieldForAnother()
    {
        var (details, subject) = await OpenAsync(DemoAccounts.DomainAdmin);
        var callback = details.Case.Steps.Single(s => s.Allows(StepKind.Callback));

        var card = RenderStep(details, callback.Order, _dana);

        Assert.Contains(subject.Contacts.First(c => c.Kind == ResetConsole.Domain.Subjects.ContactKind.Phone).Value, card.Markup);
        Assert.Empty(card.FindAll("input"));
        Assert.Contains("They did not make this request", card.Markup);
    }

    private IRenderedComponent<StepCard> RenderStep(CaseDetails details, int order, StaffActor actor) =>
        Render<StepCard>(p => p
            .Add(c => c.Details, details)
            .Add(c => c.Step, details.Case.Steps.Single(s => s.Order == order))
            .Add(c => c.Actor, actor));

    private async Task<(CaseDetails Details, ResetConsole.Domain.Subjects.Subject Subject)> OpenAsync(string username)
    {
        var subject = (await _harness.Get<ResetConsole.Directory.IDirectoryConnector>().FindByUsernameAsync(username))!;
        var cases = _harness.Get<CaseService>();
        var id = await cases.OpenAsync(_dana, new OpenCaseRequest(subject.Id, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-B1"));
        return (await cases.GetAsync(_dana, id), subject);
    }
}
