using System.Collections.Concurrent;

namespace ResetConsole.Components.Shared;

/// <summary>
/// One shared instance of each label that screens build while rendering from a small set of values (step titles and
/// accessible names from the policy, control lists, status names, tier chips). A render frame keeps its text for as
/// long as the screen is open, so a label built on each render is one more string on every open screen; through here,
/// a thousand open case pages share one. Never for people's data (names, contacts, free text): the pool lives as long
/// as the process. Bounded: past its capacity, text is returned as it came.
/// </summary>
public sealed class SharedText(int capacity)
{
    private static readonly SharedText Labels = new(4096);

    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

    /// <summary>The process-wide pool for render-time labels.</summary>
    public static string Of(string text) => Labels.Share(text);

    public string Share(string text) =>
        _pool.TryGetValue(text, out var shared) ? shared
        : _pool.Count < capacity ? _pool.GetOrAdd(text, text)
        : text;
}
