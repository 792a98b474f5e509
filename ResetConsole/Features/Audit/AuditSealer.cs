using System.Buffers;
using System.Security.Cryptography;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Computes and checks entries' keyed hashes: HMAC-SHA256 over <see cref="AuditCanonicalForm"/>. Reuses its buffers,
/// so use one per unit of work and never share it between threads.
/// </summary>
public sealed class AuditSealer(byte[] entryKey) : IDisposable
{
    public const int HashBytes = 32;

    private readonly AuditCanonicalForm _form = new();
    private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, entryKey);

    public string Seal(AuditEntry entry)
    {
        Span<byte> hash = stackalloc byte[HashBytes];
        Compute(entry, entry.Sequence, entry.PreviousHash, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>True when the entry's stored hash is its keyed hash, optionally as if it sat at another sequence or followed another hash.</summary>
    public bool IsSealed(AuditEntry entry, long? asSequence = null, string? afterHash = null) =>
        Matches(entry.Hash, entry, asSequence ?? entry.Sequence, afterHash ?? entry.PreviousHash);

    /// <summary>True when <paramref name="expected"/> is the keyed hash of the entry's content.</summary>
    public bool Matches(string expected, AuditEntry entry, long sequence, string previousHash)
    {
        Span<byte> stored = stackalloc byte[HashBytes];
        if (expected.Length != HashBytes * 2 || Convert.FromHexString(expected, stored, out _, out _) != OperationStatus.Done)
        {
            return false;
        }

        Span<byte> computed = stackalloc byte[HashBytes];
        Compute(entry, sequence, previousHash, computed);
        return CryptographicOperations.FixedTimeEquals(computed, stored);
    }

    /// <summary>
    /// True when the current row of <paramref name="row"/>, at <paramref name="sequence"/>, carries its own keyed hash
    /// (<paramref name="hex"/>, the Hash column). Reads the row in place; each column once.
    /// </summary>
    internal bool IsSealed(AuditRowStream row, long sequence, ReadOnlySpan<byte> hex, out ReadOnlySpan<byte> previousHash)
    {
        if (!_form.TrySerialize(row, sequence, out var bytes, out previousHash))
        {
            return false;
        }

        Span<byte> computed = stackalloc byte[HashBytes];
        _hmac.AppendData(bytes);
        _hmac.GetHashAndReset(computed);

        // Stored hashes are lower-case hex: compare as text first, decode only when that fails (e.g. upper case).
        Span<byte> text = stackalloc byte[HashBytes * 2];
        if (Convert.TryToHexStringLower(computed, text, out _) && CryptographicOperations.FixedTimeEquals(hex, text))
        {
            return true;
        }

        Span<byte> stored = stackalloc byte[HashBytes];
        return hex.Length == HashBytes * 2
            && Convert.FromHexString(hex, stored, out _, out _) == OperationStatus.Done
            && CryptographicOperations.FixedTimeEquals(computed, stored);
    }

    /// <summary>The SHA-256 of the canonical bytes with no key: what someone without the key would recompute.</summary>
    public string PlainSha256(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(_form.Serialize(entry)));

    public void Dispose() => _hmac.Dispose();

    private void Compute(AuditEntry entry, long sequence, string previousHash, Span<byte> destination)
    {
        _hmac.AppendData(_form.Serialize(entry, sequence, previousHash));
        _hmac.GetHashAndReset(destination);
    }
}
