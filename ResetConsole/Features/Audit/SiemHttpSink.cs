using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ResetConsole.Features.Audit;

/// <summary>POSTs security events in batches as CLEF JSON lines; Serilog's batching retries a batch that fails.</summary>
internal sealed class SiemHttpSink(Uri url) : IBatchedLogEventSink, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CompactJsonFormatter _formatter = new();

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        var body = new StringWriter();
        foreach (var logEvent in batch)
        {
            _formatter.Format(logEvent, body);
        }

        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var response = await _http.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
