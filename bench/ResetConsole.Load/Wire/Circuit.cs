using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace ResetConsole.Load.Wire;

/// <summary>
/// One Blazor Server circuit driven without a browser, in the order blazor.web.js (.NET 10) drives it: GET the page,
/// read the server markers and persisted state, connect to /_blazor with blazorpack, StartCircuit, wait for the
/// renderer to attach its interop object, UpdateRootComponents with the markers, then acknowledge every render batch
/// and answer every JS call. Clicks go through BeginInvokeDotNetFromJS → DispatchEventAsync on that interop object,
/// aimed at event handler ids read from the batches (see <see cref="RenderBatch"/>).
/// </summary>
public sealed class Circuit(StaffSession session, string path, LoadErrors errors) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private readonly ScreenElements _elements = new();
    private readonly List<(Func<RenderBatch, bool> Match, TaskCompletionSource<long> Done)> _waiters = [];
    private HubConnection? _connection;
    private TaskCompletionSource<long> _attached = NewSignal();
    private TaskCompletionSource<long> _interactive = NewSignal();
    private bool _marksInteractivity;
    private long _nextCallId;
    private volatile bool _closing;
    private int _batches;
    private long _bytes;

    public string Path => path;

    public string? CircuitId { get; private set; }

    public long RendererInteropId { get; private set; }

    public int Batches => Volatile.Read(ref _batches);

    public long BatchBytes => Interlocked.Read(ref _bytes);

    /// <summary>When set, a dropped connection is handled as the browser's reconnect UI does, instead of as an error.</summary>
    public Func<Circuit, Exception?, Task>? OnConnectionLost { get; set; }

    public async Task OpenAsync(CancellationToken ct = default)
    {
        _attached = NewSignal();
        _interactive = NewSignal();
        using var response = await session.Http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} as {session.Username} answered {(int)response.StatusCode}.");
        }

        var page = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(ct));
        if (page.Markers.Count == 0)
        {
            throw new InvalidOperationException($"GET {path} has no interactive server component markers.");
        }

        _marksInteractivity = page.MarksInteractivity;
        _connection = await ConnectAsync(ct);
        CircuitId = await _connection.InvokeAsync<string?>("StartCircuit", session.Origin.ToString(), new Uri(session.Origin, path).ToString(), "[]", page.ApplicationState, ct)
            ?? throw new InvalidOperationException($"StartCircuit for {path} was refused.");
        RendererInteropId = await _attached.Task.WaitAsync(Patience, ct);
        await _connection.SendAsync("UpdateRootComponents", page.AddOperations(1), page.ApplicationState, ct);
        await _interactive.Task.WaitAsync(Patience, ct);
    }

    /// <summary>Re-attaches to the same circuit on a new connection, as Blazor.reconnect() does. False: the server no longer has it.</summary>
    public async Task<bool> ReconnectAsync(CancellationToken ct = default)
    {
        await DropConnectionAsync();
        _connection = await ConnectAsync(ct);
        return await _connection.InvokeAsync<bool>("ConnectCircuit", CircuitId, ct);
    }

    /// <summary>Asks the server to resume from persisted state, as Blazor.resumeCircuit() does; a restarted server has none.</summary>
    public async Task<bool> ResumeAsync(CancellationToken ct = default) =>
        _connection is not null && await _connection.InvokeAsync<string?>("ResumeCircuit", CircuitId, session.Origin.ToString(),
            new Uri(session.Origin, path).ToString(), "[]", string.Empty, ct) is not null;

    /// <summary>What location.reload() does: a fresh GET and a new circuit.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await DropConnectionAsync();
        lock (_lock)
        {
            _elements.Clear();
        }

        await OpenAsync(ct);
    }

    /// <summary>An element with an event handler currently on screen, or one that a later batch brings.</summary>
    public async Task<(RenderedElement Element, ulong Handler)> WaitForAsync(string eventAttribute, Func<RenderedElement, bool> match, TimeSpan? timeout = null)
    {
        Task<long> arrival;
        lock (_lock)
        {
            if (_elements.Find(eventAttribute, match) is { } found)
            {
                return found;
            }

            arrival = Arm(b => b.Elements.Any(e => e.Handlers.ContainsKey(eventAttribute) && match(e)));
        }

        await arrival.WaitAsync(timeout ?? Patience);
        lock (_lock)
        {
            return _elements.Find(eventAttribute, match) ?? throw new InvalidOperationException($"{path}: the element arrived but its handler was disposed at once.");
        }
    }

    /// <summary>Completes with the arrival time of the next batch that matches.</summary>
    public Task<long> NextBatchAsync(Func<RenderBatch, bool> match)
    {
        lock (_lock)
        {
            return Arm(match);
        }
    }

    /// <summary>Dispatches a click and returns (sent, next batch arrived) in Stopwatch ticks.</summary>
    public async Task<(long Sent, long Rendered)> ClickAsync(ulong eventHandlerId, TimeSpan? timeout = null)
    {
        var next = NextBatchAsync(_ => true);
        var callId = Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sent = Stopwatch.GetTimestamp();
        await _connection!.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", RendererInteropId, JsInterop.Click(eventHandlerId));
        return (sent, await next.WaitAsync(timeout ?? Patience));
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await DropConnectionAsync();
        if (CircuitId is not null)
        {
            // What the browser's unload beacon does: the server disposes the circuit now instead of retaining it.
            try
            {
                using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = CircuitId });
                using var _ = await session.Http.PostAsync("/_blazor/disconnect", content);
            }
            catch (HttpRequestException)
            {
                // The server is gone; nothing to dispose.
            }
        }
    }

    private async Task<HubConnection> ConnectAsync(CancellationToken ct)
    {
        // Built directly rather than through HubConnectionBuilder, which builds a service provider for every connection
        // (a tenth of the harness's CPU in a reconnect storm); negotiate goes over the person's pooled connections.
        var url = new Uri(session.Origin, "_blazor");
        var transport = new HttpConnectionFactory(Microsoft.Extensions.Options.Options.Create(new HttpConnectionOptions
        {
            Url = url,
            Transports = HttpTransportType.WebSockets,
            Cookies = session.Cookies,
            HttpMessageHandlerFactory = _ => session.SharedHandler(),
            // Chromium offers per-message deflate on every WebSocket; the console decides whether to take it (ADR-010).
            WebSocketConfiguration = OfferDeflateAsABrowserDoes,
        }), NullLoggerFactory.Instance);
        var connection = new HubConnection(transport, BlazorPackHubProtocol.Instance, new UriEndPoint(url), NoServices.Instance, NullLoggerFactory.Instance);
        connection.On<long, byte[]>("JS.RenderBatch", (batchId, data) => OnRenderBatchAsync(connection, batchId, data));
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", (asyncHandle, identifier, argsJson, resultType, _, _) =>
            OnBeginInvokeJSAsync(connection, asyncHandle, identifier, argsJson, resultType));
        connection.On<string, bool, string>("JS.EndInvokeDotNet", (callId, success, result) =>
        {
            if (!success)
            {
                errors.Add("dotnet-call-failed", $"{path} call {callId}: {result}");
            }
        });
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<int, byte[]>("JS.ReceiveByteArray", (_, _) => { });
        connection.On<string>("JS.Error", message => errors.Add("js-error", $"{path}: {message}"));
        connection.Closed += exception => OnClosedAsync(connection, exception);
        await connection.StartAsync(ct);
        return connection;
    }

    private static void OfferDeflateAsABrowserDoes(ClientWebSocketOptions socket) =>
        socket.DangerousDeflateOptions = new WebSocketDeflateOptions();

    private async Task OnRenderBatchAsync(HubConnection connection, long batchId, byte[] data)
    {
        var arrived = Stopwatch.GetTimestamp();
        RenderBatch batch;
        try
        {
            batch = RenderBatch.Parse(data);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            errors.Add("batch-unreadable", $"{path} batch {batchId}: {ex.Message}");
            await connection.SendAsync("OnRenderCompleted", batchId, ex.Message);
            return;
        }

        // Acknowledge first, as the browser does once applied: the server holds back batches until it hears.
        await connection.SendAsync("OnRenderCompleted", batchId, null);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _bytes, data.Length);
        List<TaskCompletionSource<long>> done = [];
        lock (_lock)
        {
            _elements.Apply(batch);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(batch))
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        if (!_marksInteractivity || batch.Elements.Any(e => e["data-interactive"] == "true"))
        {
            _interactive.TrySetResult(arrived);
        }

        done.ForEach(d => d.TrySetResult(arrived));
    }

    private async Task OnBeginInvokeJSAsync(HubConnection connection, long asyncHandle, string identifier, string argsJson, int resultType)
    {
        if (JsInterop.RendererInteropId(identifier, argsJson) is { } rendererInteropId)
        {
            _attached.TrySetResult(rendererInteropId);
        }

        if (asyncHandle != 0)
        {
            await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsInterop.Answer(asyncHandle, identifier, resultType));
        }
        else
        {
            JsInterop.Answer(asyncHandle, identifier, resultType);
        }
    }

    private async Task OnClosedAsync(HubConnection connection, Exception? exception)
    {
        if (_closing || connection != _connection)
        {
            return;
        }

        if (OnConnectionLost is { } reconnect)
        {
            await reconnect(this, exception);
            return;
        }

        errors.Add("connection-closed", $"{path}: {exception?.Message ?? "closed by the server"}");
        _interactive.TrySetException(new InvalidOperationException("The connection closed."));
    }

    private async Task DropConnectionAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private Task<long> Arm(Func<RenderBatch, bool> match)
    {
        var done = NewSignal();
        _waiters.Add((match, done));
        return done.Task;
    }

    private static TaskCompletionSource<long> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What a connection may look up: nothing, so it takes its defaults. Not disposable, unlike a built
    /// provider, which the connection would dispose when it ends.</summary>
    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
