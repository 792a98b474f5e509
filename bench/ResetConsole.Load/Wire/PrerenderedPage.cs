using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ResetConsole.Load.Wire;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it starts a circuit: the interactive server root
/// components' markers (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>, in document order) and the persisted
/// component state (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>).
/// </summary>
public sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> Markers, string ApplicationState, bool MarksInteractivity)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerComment().Matches(html))
        {
            if (JsonNode.Parse(match.Groups[1].Value) is JsonObject marker && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        var state = StateComment().Match(html);
        return new PrerenderedPage(
            markers.OrderBy(m => (int)m["sequence"]!).ToList(),
            state.Success ? state.Groups[1].Value : string.Empty,
            html.Contains("data-interactive=", StringComparison.Ordinal));
    }

    /// <summary>The first UpdateRootComponents batch: every server marker added, numbered in document order.</summary>
    public string AddOperations(int batchId)
    {
        var operations = new JsonArray();
        var ssrComponentId = 1;
        foreach (var marker in Markers)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = ssrComponentId++,
                ["marker"] = marker.DeepClone(),
            });
        }

        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex StateComment();
}
