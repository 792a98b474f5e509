using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Features.Exceptions;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Components.Exceptions;

/// <summary>
/// The case page's exceptions panel starts from the page's own read when nothing was published since it, and reads
/// for itself otherwise. The page's read below names an exception the database does not hold, so what the panel shows
/// tells which one it used; the database's truth for this case is "no exceptions" (the panel renders nothing).
/// </summary>
public sealed class ExceptionPanelTests : ConsoleTestContext
{
    private static readonly Guid CaseId = Guid.NewGuid();
    private ServiceHarness _harness = default!;
    private StaffActor _agent = default!;

    protected override async Task OnInitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        Services.AddSingleton(_harness.Get<ExceptionService>());
        Services.AddSingleton(_harness.Get<ConsoleEventHub>());
        Services.AddSingleton<TimeProvider>(_harness.Time);
        _agent = await _harness.StaffAsync("dana", Roles.Agent);
    }

    protected override async Task OnDisposeAsync() => await _harness.DisposeAsync();

    private ConsoleEventHub Hub => _harness.Get<ConsoleEventHub>();

    [Fact]
    public void Start_NothingPublishedSinceThePagesRead_ShowsThatReadWithoutReadingAgain()
    {
        var panel = RenderPanel(PageRead("Identity document waiver"), Hub.Sequence);

        Assert.Contains("Identity document waiver", panel.Markup);
    }

    [Fact]
    public void Start_SomethingPublishedBetweenThePagesReadAndThePanelListening_ReadsForItself()
    {
        var asOf = Hub.Sequence;
        Hub.Publish(new ConsoleEvent(ConsoleTopic.ExceptionChanged, CaseId));

        var panel = RenderPanel(PageRead("Identity document waiver"), asOf);

        panel.WaitForAssertion(() => Assert.DoesNotContain("Identity document waiver", panel.Markup));
        Assert.Empty(panel.FindAll("table"));
    }

    [Fact]
    public void ExceptionOfThisCaseChanges_ReadsForItself_AndAnOlderReadFromThePageIsThenIgnored()
    {
        var asOf = Hub.Sequence;
        var panel = RenderPanel(PageRead("Identity document waiver"), asOf);

        Hub.Publish(new ConsoleEvent(ConsoleTopic.ExceptionChanged, CaseId));
        panel.WaitForAssertion(() => Assert.DoesNotContain("Identity document waiver", panel.Markup));

        panel.Render(p => p.Add(c => c.Read, PageRead("Stale waiver")).Add(c => c.AsOf, asOf));
        Assert.DoesNotContain("Stale waiver", panel.Markup);

        panel.Render(p => p.Add(c => c.Read, PageRead("Newer waiver")).Add(c => c.AsOf, Hub.Sequence + 1));
        Assert.Contains("Newer waiver", panel.Markup);
    }

    [Fact]
    public void ChangeToAnotherCase_IsNotThisPanelsConcern()
    {
        var panel = RenderPanel(PageRead("Identity document waiver"), Hub.Sequence);

        Hub.Publish(new ConsoleEvent(ConsoleTopic.ExceptionChanged, Guid.NewGuid()));
        Hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, CaseId)); // the page re-reads and passes it down

        Assert.Contains("Identity document waiver", panel.Markup);
    }

    private IRenderedComponent<ExceptionPanel> RenderPanel(CaseExceptions read, long asOf)
    {
        SignIn("dana", Roles.Agent);
        return Render<ExceptionPanel>(p => p
            .Add(c => c.CaseId, CaseId)
            .Add(c => c.Actor, _agent)
            .Add(c => c.Read, read)
            .Add(c => c.AsOf, asOf));
    }

    private CaseExceptions PageRead(string title)
    {
        var now = _harness.Time.GetUtcNow();
        var view = new ExceptionView(Guid.NewGuid(), CaseId, "INC-1", "Fiona Grant", "standard", title, "Photo ID check", StepKind.OneTimeCode,
            ExceptionStatus.Requested, "Caller abroad", "Ticket note", "Dana", now, null, null, null, null, null, null, null,
            TimeSpan.FromHours(1), null, null, null, null, null, CanDecide: false, CanRevoke: false, CanReview: false);
        return new CaseExceptions([view], []);
    }
}
