using System.Text.Json;

namespace ResetConsole.Load.Server;

/// <summary>One reading of the server's bench diagnostics endpoint.</summary>
public sealed class ServerSnapshot(JsonElement json)
{
    public double CpuMicroseconds => json.GetProperty("cpuMicroseconds").GetDouble();

    /// <summary>Time the console's threads spent paused by its garbage collector since it started.</summary>
    public double GcPauseMicroseconds => json.TryGetProperty("gcPauseMicroseconds", out var p) ? p.GetDouble() : double.NaN;

    public long HeapBytes => json.GetProperty("heapBytes").GetInt64();

    public long WorkingSetBytes => json.GetProperty("workingSetBytes").GetInt64();

    public int HubSubscribers => json.GetProperty("hubSubscribers").GetInt32();

    public long Timestamp => json.GetProperty("timestamp").GetInt64();

    public long Count(string instrument) => Meter(instrument, "count");

    public double Sum(string instrument) => json.GetProperty("meters").TryGetProperty(instrument, out var m) ? m.GetProperty("sum").GetDouble() : 0;

    /// <summary>Circuits open now: the up-down counter's running total.</summary>
    public long ActiveCircuits => (long)Sum("aspnetcore.components.circuit.active");

    private long Meter(string instrument, string field) =>
        json.GetProperty("meters").TryGetProperty(instrument, out var m) ? m.GetProperty(field).GetInt64() : 0;

    public static async Task<ServerSnapshot> ReadAsync(HttpClient http, bool collect)
    {
        using var response = collect ? await http.PostAsync("/bench/diagnostics/heap", null) : await http.GetAsync("/bench/diagnostics/");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new ServerSnapshot(document.RootElement.Clone());
    }
}
