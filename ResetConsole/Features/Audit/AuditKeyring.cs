using System.Security.Cryptography;

namespace ResetConsole.Features.Audit;

/// <summary>
/// The audit key, split by HKDF into one key that seals entries and one that signs checkpoints, so a value made for
/// one purpose is never valid for the other. Both are HMAC-SHA256 keys; neither is ever stored or logged. Loaded on
/// first use, so building the services never touches the key file.
/// </summary>
public sealed class AuditKeyring
{
    public const int MinimumKeyBytes = 32;

    private readonly Lazy<(byte[] Entry, byte[] Checkpoint)> _keys;

    private AuditKeyring(Func<byte[]> load) => _keys = new(() => Derive(load()));

    internal byte[] EntryKey => _keys.Value.Entry;

    internal byte[] CheckpointKey => _keys.Value.Checkpoint;

    public static AuditKeyring FromKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        var copy = key.ToArray();
        return new AuditKeyring(() => copy);
    }

    /// <summary>A keyring whose key is read by <paramref name="load"/> the first time it is needed.</summary>
    public static AuditKeyring Deferred(Func<byte[]> load) => new(load);

    /// <summary>Reads the key now, so a missing or unusable one stops start-up before anything is written.</summary>
    public void Load() => _ = _keys.Value;

    /// <summary>Why a configured key cannot be used, in one sentence; null when it can.</summary>
    public static string? Problem(string? base64, string name)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return $"{name} is empty.";
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var length))
        {
            return $"{name} is not valid base64.";
        }

        CryptographicOperations.ZeroMemory(buffer);
        return length < MinimumKeyBytes ? $"{name} must be at least {MinimumKeyBytes} bytes of base64 (it has {length})." : null;
    }

    public AuditSealer CreateSealer() => new(EntryKey);

    private static (byte[], byte[]) Derive(byte[] key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        var keys = (HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "ResetConsole audit entries v1"u8.ToArray()),
            HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "ResetConsole audit checkpoints v1"u8.ToArray()));
        CryptographicOperations.ZeroMemory(key);
        return keys;
    }
}
