using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

/// <summary>Collects every error so one upload reports all of them, not the first.</summary>
internal sealed class ErrorSink
{
    private readonly List<PolicyError> _errors = [];

    public int Count => _errors.Count;

    public void Add(YamlNode node, string message) => Add(node.Start, message);

    public void Add(Mark mark, string message) => _errors.Add(new((int)mark.Line, (int)mark.Column, message));

    public void Add(SourcePosition at, string message) => _errors.Add(new(at.Line, at.Column, message));

    public IReadOnlyList<PolicyError> Sorted() =>
        [.. _errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column)];

    public static SourcePosition At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);
}
