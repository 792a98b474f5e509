using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResetConsole.Components.Shared;

namespace ResetConsole.Tests.Components.Shared;

public sealed class CountdownChipTests : ConsoleTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    public CountdownChipTests() => Services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public void Render_GivesTheBrowserTheAbsoluteDeadlineToTick()
    {
        var chip = Render<CountdownChip>(p => p.Add(c => c.Deadline, Now.AddMinutes(30)).Add(c => c.Label, "Due"));

        var timer = chip.Find("[role=timer]");
        Assert.Equal(Now.AddMinutes(30).ToString("O"), timer.GetAttribute("data-countdown"));
        Assert.Equal("Due 2026-11-26 10:30 UTC", timer.GetAttribute("aria-label"));
        Assert.Equal("30m 00s left", chip.Find(".countdown-left").TextContent);
    }

    [Theory]
    [InlineData(30, false, false)]
    [InlineData(4, true, false)]
    [InlineData(-1, false, true)]
    public void Render_AgainstTheWarningWindow_ColoursItself(int minutesLeft, bool warn, bool over)
    {
        var chip = Render<CountdownChip>(p => p.Add(c => c.Deadline, Now.AddMinutes(minutesLeft)).Add(c => c.Warning, TimeSpan.FromMinutes(5)));

        var classes = chip.Find("[role=timer]").ClassList;
        Assert.Equal(warn, classes.Contains("countdown-warn"));
        Assert.Equal(over, classes.Contains("countdown-over"));
    }

    [Fact]
    public void Render_PastTheDeadline_SaysOverdue()
    {
        var chip = Render<CountdownChip>(p => p.Add(c => c.Deadline, Now.AddSeconds(-90)));

        Assert.Equal("1m 30s overdue", chip.Find(".countdown-left").TextContent);
    }

    [Fact]
    public void Rerender_WithTheSameDeadline_DoesNotRenderAgain()
    {
        var deadline = Now.AddMinutes(10);
        var chip = Render<CountdownChip>(p => p.Add(c => c.Deadline, deadline));
        var renders = chip.RenderCount;
        _time.Advance(TimeSpan.FromMinutes(1));

        chip.Render(p => p.Add(c => c.Deadline, deadline));

        Assert.Equal(renders, chip.RenderCount);
        Assert.Equal("10m 00s left", chip.Find(".countdown-left").TextContent);
    }

    [Fact]
    public void Rerender_WithANewDeadline_RendersIt()
    {
        var chip = Render<CountdownChip>(p => p.Add(c => c.Deadline, Now.AddMinutes(10)));

        chip.Render(p => p.Add(c => c.Deadline, Now.AddMinutes(40)));

        Assert.Equal(Now.AddMinutes(40).ToString("O"), chip.Find("[role=timer]").GetAttribute("data-countdown"));
    }
}
