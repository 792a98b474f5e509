using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ResetConsole.Load.Wire;

/// <summary>
/// Blazor Server speaks SignalR's MessagePack protocol under its own name; the hub accepts no other. This is the
/// stock client protocol, announced as <c>blazorpack</c> in the handshake the way blazor.web.js does.
/// </summary>
public sealed class BlazorPackHubProtocol : IHubProtocol
{
    /// <summary>One for every connection: the protocol holds no per-connection state, and building its MessagePack
    /// options took a twentieth of the harness's CPU in a reconnect storm when each connection made its own.</summary>
    public static readonly BlazorPackHubProtocol Instance = new();

    private readonly MessagePackHubProtocol _inner = new();

    private BlazorPackHubProtocol()
    {
    }

    public string Name => "blazorpack";

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
}
