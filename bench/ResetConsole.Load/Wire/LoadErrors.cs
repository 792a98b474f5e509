using System.Collections.Concurrent;

namespace ResetConsole.Load.Wire;

/// <summary>Every circuit error of a run. Any error fails the run: the app must stay correct under load.</summary>
public sealed class LoadErrors
{
    private readonly ConcurrentDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _samples = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyDictionary<string, int> ByKind => _byKind;

    public IEnumerable<string> Samples => _samples;

    public void Add(string kind, string detail)
    {
        Interlocked.Increment(ref _count);
        _byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (_samples.Count < 20)
        {
            _samples.Enqueue($"{kind}: {detail}");
            Console.Error.WriteLine($"!! circuit error {kind}: {detail}");
        }
    }

    public string Summary() => Count == 0 ? "no errors" : $"{Count} error(s): {string.Join(", ", _byKind.Select(k => $"{k.Key} {k.Value}"))}";
}
