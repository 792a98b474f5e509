using System.Net;
using System.Threading.Channels;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

/// <summary>A local HTTP endpoint that answers 200 and hands each request body to the test, for webhooks and sinks.</summary>
internal sealed class RecordingEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<(string ContentType, string Body)> _requests = Channel.CreateUnbounded<(string, string)>();

    public RecordingEndpoint()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/events/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Url { get; }

    public async Task<(string ContentType, string Body)> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _requests.Reader.ReadAsync(cts.Token);
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                await _requests.Writer.WriteAsync((context.Request.ContentType ?? string.Empty, await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
