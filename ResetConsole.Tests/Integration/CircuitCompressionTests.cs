using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ResetConsole.Infrastructure;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration;

/// <summary>
/// Circuit connections are not compressed unless configured (ADR-010): a browser offers per-message deflate on every
/// WebSocket, and the console declines it, on Kestrel as an operator runs it.
/// </summary>
public sealed class CircuitCompressionTests
{
    [Fact]
    public async Task CircuitWebSocket_ByDefault_DeclinesTheBrowsersDeflateOffer()
    {
        var (extensions, handshake) = await ConnectOfferingDeflateAsync(settings: null);

        Assert.Null(extensions);
        Assert.Equal("{}\u001e", handshake);
    }

    [Fact]
    public async Task CircuitWebSocket_WithCompressionConfigured_AcceptsTheOffer()
    {
        var (extensions, handshake) = await ConnectOfferingDeflateAsync(new Dictionary<string, string>
        {
            [ConsoleApplicationExtensions.WebSocketCompressionSetting.Replace(":", "__")] = "true",
        });

        Assert.NotNull(extensions);
        Assert.StartsWith("permessage-deflate", extensions);
        Assert.Equal("{}\u001e", handshake);
    }

    /// <summary>
    /// Negotiates a circuit connection, opens its WebSocket offering deflate as Chromium does, and completes the hub
    /// handshake: returns the extensions the server accepted and its handshake answer.
    /// </summary>
    private static async Task<(string? Extensions, string Handshake)> ConnectOfferingDeflateAsync(IReadOnlyDictionary<string, string>? settings)
    {
        using var folder = new TempFolder();
        var port = FreePort.Next();
        var origin = new Uri($"http://localhost:{port}");
        await using var console = ConsoleProcess.Start(folder.Path, port, settings);
        await console.WaitUntilReadyAsync(origin, TimeSpan.FromSeconds(90));

        using var http = new HttpClient { BaseAddress = origin };
        using var negotiated = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", content: null);
        negotiated.EnsureSuccessStatusCode();
        var token = (await negotiated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri($"ws://localhost:{port}/_blazor?id={token}"), timeout.Token);
        var extensions = socket.HttpResponseHeaders?.TryGetValue("Sec-WebSocket-Extensions", out var values) == true
            ? string.Join(", ", values)
            : null;

        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return (extensions, Encoding.UTF8.GetString(buffer, 0, received.Count));
    }
}
