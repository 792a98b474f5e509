using System.Text.Json.Nodes;

namespace ResetConsole.Tests.Integration.Graph;

/// <summary>One request as the fake Graph received it. Path is relative to the version root, e.g. <c>/users/u1</c>.</summary>
public sealed record FakeGraphRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
