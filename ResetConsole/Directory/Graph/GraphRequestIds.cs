using System.Security.Cryptography;
using System.Text;

namespace ResetConsole.Directory.Graph;

/// <summary>
/// Graph has no idempotency header. What it offers is <c>client-request-id</c>, a GUID it logs with the request: the
/// connector derives it from the side effect's idempotency key, so every attempt of one side effect carries the
/// same id in Microsoft's logs (and in a support ticket). Repeats are made safe by each operation's own design.
/// </summary>
internal static class GraphRequestIds
{
    public const string Header = "client-request-id";

    public static string FromIdempotencyKey(string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("resetconsole-graph:" + idempotencyKey));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // RFC 4122 version 5 style (name-based, SHA)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary>A stable GUID for an id Graph gives as a string (FIDO2 method ids are not GUIDs).</summary>
    public static Guid StableGuid(string value) =>
        Guid.TryParse(value, out var id) ? id : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
