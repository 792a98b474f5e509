using ResetConsole.Features.Incidents;

namespace ResetConsole.Tests.Unit.Incidents;

public sealed class LineDiffTests
{
    [Fact]
    public void Compute_IdenticalTexts_AreAllUnchangedWithBothLineNumbers()
    {
        var diff = LineDiff.Compute("a\nb\nc\n", "a\nb\nc\n");

        Assert.All(diff, l => Assert.Equal(DiffKind.Same, l.Kind));
        Assert.Equal([(1, 1), (2, 2), (3, 3)], diff.Select(l => (l.OldNumber!.Value, l.NewNumber!.Value)).ToArray());
    }

    [Fact]
    public void Compute_OneLineChanged_IsOneRemovedAndOneAddedAtThatLine()
    {
        var diff = LineDiff.Compute("a\nb\nc", "a\nB\nc");

        Assert.Equal(
            [new DiffLine(DiffKind.Same, 1, 1, "a"), new DiffLine(DiffKind.Removed, 2, null, "b"), new DiffLine(DiffKind.Added, null, 2, "B"), new DiffLine(DiffKind.Same, 3, 3, "c")],
            diff);
    }

    [Fact]
    public void Compute_LinesInserted_NumbersTheRestInTheNewText()
    {
        var diff = LineDiff.Compute("a\nd", "a\nb\nc\nd");

        Assert.Equal([DiffKind.Same, DiffKind.Added, DiffKind.Added, DiffKind.Same], diff.Select(l => l.Kind).ToArray());
        Assert.Equal((2, 4), (diff[^1].OldNumber!.Value, diff[^1].NewNumber!.Value));
    }

    [Fact]
    public void Compute_FromEmpty_IsEveryLineAdded()
    {
        var diff = LineDiff.Compute("", "x\ny");

        Assert.Contains(diff, l => l is { Kind: DiffKind.Added, Text: "x", NewNumber: 1 });
        Assert.Contains(diff, l => l is { Kind: DiffKind.Added, Text: "y", NewNumber: 2 });
    }

    [Fact]
    public void Compute_WindowsLineEndings_DiffLikeUnixOnes()
    {
        var diff = LineDiff.Compute("a\r\nb\r\n", "a\nb\n");

        Assert.All(diff, l => Assert.Equal(DiffKind.Same, l.Kind));
    }

    [Fact]
    public void Compute_RandomTexts_RebuildBothSidesWithTheFewestEdits()
    {
        var random = new Random(20261126);
        for (var run = 0; run < 300; run++)
        {
            var a = RandomLines(random);
            var b = RandomLines(random);

            var diff = LineDiff.Compute(a, b);

            Assert.Equal(a, diff.Where(l => l.Kind != DiffKind.Added).Select(l => l.Text).ToArray());
            Assert.Equal(b, diff.Where(l => l.Kind != DiffKind.Removed).Select(l => l.Text).ToArray());
            Assert.Equal(a.Length + b.Length - (2 * LongestCommonSubsequence(a, b)), diff.Count(l => l.Kind != DiffKind.Same));
        }
    }

    [Fact]
    public void Compute_BeyondTheEditLimit_ShowsAllRemovedThenAllAdded()
    {
        var a = Enumerable.Range(0, LineDiff.MaxEdits).Select(i => $"old {i}").ToArray();
        var b = Enumerable.Range(0, LineDiff.MaxEdits).Select(i => $"new {i}").ToArray();

        var diff = LineDiff.Compute(a, b);

        Assert.Equal(a, diff.TakeWhile(l => l.Kind == DiffKind.Removed).Select(l => l.Text).ToArray());
        Assert.Equal(b, diff.SkipWhile(l => l.Kind == DiffKind.Removed).Select(l => l.Text).ToArray());
    }

    [Fact]
    public void Collapse_LongUnchangedRuns_BecomeOneSkippedLineAroundThreeLinesOfContext()
    {
        var old = Enumerable.Range(1, 20).Select(i => $"line {i}").ToArray();
        var changed = old.Select(l => l == "line 10" ? "line ten" : l).ToArray();

        var collapsed = LineDiff.Collapse(LineDiff.Compute(old, changed));

        Assert.Equal(new DiffLine(DiffKind.Skipped, null, null, "6 unchanged lines"), collapsed[0]);
        Assert.Equal(["line 7", "line 8", "line 9", "line 10", "line ten", "line 11", "line 12", "line 13"], collapsed.Skip(1).Take(8).Select(l => l.Text).ToArray());
        Assert.Equal(new DiffLine(DiffKind.Skipped, null, null, "7 unchanged lines"), collapsed[^1]);
    }

    private static string[] RandomLines(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => ((char)('a' + random.Next(4))).ToString())];

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }
}
