namespace ResetConsole.Features.Incidents;

/// <summary>
/// A line diff (Myers' O((N+M)D) algorithm: the shortest edit script, so a one-line change shows as one line
/// removed and one added). Common leading and trailing lines are set aside first; past <see cref="MaxEdits"/> edits the
/// middle is shown as all removed then all added rather than spending memory on the search.
/// </summary>
public static class LineDiff
{
    public const int MaxEdits = 2000;

    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return lines.Length > 1 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    public static IReadOnlyList<DiffLine> Compute(string oldText, string newText) => Compute(Lines(oldText), Lines(newText));

    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var result = new List<DiffLine>(Math.Max(a.Count, b.Count) + 8);
        for (var i = 0; i < prefix; i++)
        {
            result.Add(new DiffLine(DiffKind.Same, i + 1, i + 1, a[i]));
        }

        var middleA = Slice(a, prefix, a.Count - prefix - suffix);
        var middleB = Slice(b, prefix, b.Count - prefix - suffix);
        var edits = Myers(middleA, middleB) ?? Replace(middleA.Count, middleB.Count);
        foreach (var (kind, x, y) in edits)
        {
            result.Add(kind switch
            {
                DiffKind.Same => new DiffLine(kind, prefix + x + 1, prefix + y + 1, middleA[x]),
                DiffKind.Removed => new DiffLine(kind, prefix + x + 1, null, middleA[x]),
                _ => new DiffLine(kind, null, prefix + y + 1, middleB[y]),
            });
        }

        for (var i = suffix; i > 0; i--)
        {
            result.Add(new DiffLine(DiffKind.Same, a.Count - i + 1, b.Count - i + 1, a[^i]));
        }

        return result;
    }

    /// <summary>Keeps <paramref name="context"/> unchanged lines around each change; longer unchanged runs become one Skipped line.</summary>
    public static IReadOnlyList<DiffLine> Collapse(IReadOnlyList<DiffLine> lines, int context = 3)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind is DiffKind.Added or DiffKind.Removed)
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var result = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                Flush();
                result.Add(lines[i]);
            }
            else
            {
                skipped++;
            }
        }

        Flush();
        return result;

        void Flush()
        {
            if (skipped > 0)
            {
                result.Add(new DiffLine(DiffKind.Skipped, null, null, skipped == 1 ? "1 unchanged line" : $"{skipped} unchanged lines"));
                skipped = 0;
            }
        }
    }

    private static List<(DiffKind Kind, int X, int Y)>? Myers(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int n = a.Count, m = b.Count, max = n + m;
        if (max == 0)
        {
            return [];
        }

        // v[k] is the furthest x reached on diagonal k = x - y; trace keeps v's slice [-d, d] as it was before step d.
        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= Math.Min(max, MaxEdits); d++)
        {
            trace.Add(v[(offset - d - 1)..(offset + d + 2)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, n, m);
                }
            }
        }

        return null;
    }

    private static List<(DiffKind, int, int)> Backtrack(List<int[]> trace, int n, int m)
    {
        var edits = new List<(DiffKind, int, int)>();
        int x = n, y = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            int At(int k) => v[k + d + 1];
            var k = x - y;
            var previousK = k == -d || (k != d && At(k - 1) < At(k + 1)) ? k + 1 : k - 1;
            var previousX = At(previousK);
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                edits.Add((DiffKind.Same, --x, --y));
            }

            if (d > 0)
            {
                edits.Add(x == previousX ? (DiffKind.Added, x, --y) : (DiffKind.Removed, --x, y));
            }
        }

        edits.Reverse();
        return edits;
    }

    private static List<(DiffKind, int, int)> Replace(int n, int m) =>
        [.. Enumerable.Range(0, n).Select(i => (DiffKind.Removed, i, 0)), .. Enumerable.Range(0, m).Select(j => (DiffKind.Added, 0, j))];

    private static IReadOnlyList<string> Slice(IReadOnlyList<string> lines, int start, int count) =>
        lines is string[] array ? new ArraySegment<string>(array, start, count) : lines.Skip(start).Take(count).ToList();
}
