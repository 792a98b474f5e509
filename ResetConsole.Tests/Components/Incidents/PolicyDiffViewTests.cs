using Bunit;
using ResetConsole.Features.Incidents;

namespace ResetConsole.Tests.Components.Incidents;

public sealed class PolicyDiffViewTests : ConsoleTestContext
{
    private static readonly string[] Old = [.. Enumerable.Range(1, 20).Select(i => $"line {i}")];

    [Fact]
    public void Render_AChangedLine_MarksRemovedAndAddedWithSignsAndWordsNotColourAlone()
    {
        var view = Render<PolicyDiffView>(p => p.Add(c => c.Lines, LineDiff.Compute(Old, Changed("line 10", "line ten"))));

        var removed = view.Find("tr[data-change=Removed]");
        var added = view.Find("tr[data-change=Added]");
        Assert.Equal(("−", "removed", "line 10"), (removed.QuerySelector("[aria-hidden=true]")!.TextContent, removed.QuerySelector(".visually-hidden")!.TextContent, removed.QuerySelector(".diff-text")!.TextContent));
        Assert.Equal(("+", "added", "line ten"), (added.QuerySelector("[aria-hidden=true]")!.TextContent, added.QuerySelector(".visually-hidden")!.TextContent, added.QuerySelector(".diff-text")!.TextContent));
        Assert.Equal("Changes to the policy text", view.Find("table").GetAttribute("aria-label"));
        Assert.Equal("1 line added, 1 removed.", view.Find("[role=status]").TextContent);
    }

    [Fact]
    public void Render_ByDefault_ShowsThreeLinesOfContextAndCountsTheRest()
    {
        var view = Render<PolicyDiffView>(p => p.Add(c => c.Lines, LineDiff.Compute(Old, Changed("line 10", "line ten"))));

        Assert.Equal(["… 6 unchanged lines", "… 7 unchanged lines"], view.FindAll("tr.diff-skipped").Select(r => r.TextContent).ToArray());
        Assert.Equal(8, view.FindAll("tbody tr[data-change]").Count);
    }

    [Fact]
    public void ShowTheWholeText_ListsEveryLineWithItsNumbers()
    {
        var view = Render<PolicyDiffView>(p => p.Add(c => c.Lines, LineDiff.Compute(Old, Changed("line 10", "line ten"))));

        view.Find("button").Click();

        Assert.Empty(view.FindAll("tr.diff-skipped"));
        Assert.Equal(21, view.FindAll("tbody tr[data-change]").Count);
        Assert.Equal("true", view.Find("button").GetAttribute("aria-pressed"));
        Assert.Equal(["20", "20"], view.FindAll("tbody tr")[^1].QuerySelectorAll(".diff-number").Select(c => c.TextContent).ToArray());
    }

    [Fact]
    public void Render_NoChange_SaysSoWithoutATable()
    {
        var view = Render<PolicyDiffView>(p => p.Add(c => c.Lines, LineDiff.Compute(Old, Old)));

        Assert.Equal("No change to the text.", view.Find("[role=status]").TextContent);
        Assert.Empty(view.FindAll("table"));
    }

    private static string[] Changed(string line, string replacement) => [.. Old.Select(l => l == line ? replacement : l)];
}
