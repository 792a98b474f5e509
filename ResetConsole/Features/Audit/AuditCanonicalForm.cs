using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using SQLitePCL;

namespace ResetConsole.Features.Audit;

/// <summary>
/// The exact bytes an entry's keyed hash covers. Binary and length-prefixed, so no choice of field values can make two
/// different entries serialize alike, and nothing depends on culture, runtime or JSON formatting: a format version,
/// the sequence and the time as big-endian UTC ticks, each text field as presence, byte length and UTF-8, the vendor
/// flag as one byte, the case id as 16 big-endian bytes, then the previous hash. Changing this changes every hash;
/// bump <see cref="Version"/> and keep the old writer for old entries.
/// </summary>
public sealed class AuditCanonicalForm
{
    public const byte Version = 1;

    // Lone surrogates would be replaced on encoding, so two different strings could share bytes: refuse them instead.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer = new byte[512];
    private int _length;

    /// <summary>The entry's bytes, as if it sat at <paramref name="sequence"/> after <paramref name="previousHash"/>. Valid until the next call.</summary>
    public ReadOnlySpan<byte> Serialize(AuditEntry entry, long? sequence = null, string? previousHash = null)
    {
        _length = 0;
        WriteByte(Version);
        WriteInt64(sequence ?? entry.Sequence);
        WriteInt64(entry.At.UtcTicks);
        WriteText(entry.ActorIssuer);
        WriteText(entry.ActorId);
        WriteText(entry.ActorName);
        WriteText(entry.ActorRoles);
        WriteByte(entry.ActorIsVendor ? (byte)1 : (byte)0);
        WriteText(entry.Action);
        WriteText(entry.Outcome);
        WriteGuid(entry.CaseId);
        WriteText(entry.SubjectId);
        WriteText(entry.DetailsJson);
        WriteText(previousHash ?? entry.PreviousHash);
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>
    /// The same bytes straight from a row of the table, without materializing the entry: what verification runs
    /// a million times. False when the row cannot be an entry (an unreadable case id).
    /// </summary>
    /// <param name="previousHash">The row's previous-hash bytes, within <paramref name="bytes"/>, for the link check.</param>
    internal bool TrySerialize(AuditRowStream row, long sequence, out ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> previousHash)
    {
        _length = 0;
        bytes = previousHash = default;
        WriteByte(Version);
        WriteInt64(sequence);
        WriteInt64(AuditTime.FromStored(row.Int64(AuditRowStream.At)).UtcTicks);
        for (var column = 2; column <= 5; column++)
        {
            WriteNullableText(row, column);
        }

        WriteByte(row.Int64(AuditRowStream.ActorIsVendor) != 0 ? (byte)1 : (byte)0);
        WriteText(row, 7);
        WriteText(row, 8);
        if (!TryWriteGuid(row))
        {
            return false;
        }

        WriteNullableText(row, 10);
        WriteText(row, 11);
        var start = _length + 5;
        WriteText(row, AuditRowStream.PreviousHash);
        bytes = _buffer.AsSpan(0, _length);
        previousHash = _buffer.AsSpan(start, _length - start);
        return true;
    }

    public static byte[] ToBytes(AuditEntry entry) => new AuditCanonicalForm().Serialize(entry).ToArray();

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    private void WriteText(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        WriteByte(1);
        var count = Utf8.GetByteCount(value);
        WriteLength(count);
        _length += Utf8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void WriteNullableText(AuditRowStream row, int column)
    {
        // Only an empty value can be NULL: ask SQLite for the type just then, not on every row.
        var utf8 = row.Bytes(column);
        if (utf8.IsEmpty && row.Type(column) == raw.SQLITE_NULL)
        {
            WriteByte(0);
            return;
        }

        WriteUtf8(utf8);
    }

    // A NOT NULL column: present by definition. A NULL forced in by rebuilding the table reads as empty, which no
    // sealed entry holds in these columns, so it still fails the hash.
    private void WriteText(AuditRowStream row, int column) => WriteUtf8(row.Bytes(column));

    private void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        WriteByte(1);
        WriteLength(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    private void WriteLength(int count)
    {
        Ensure(4 + count);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), count);
        _length += 4;
    }

    private void WriteGuid(Guid? value)
    {
        if (value is not { } id)
        {
            WriteByte(0);
            return;
        }

        WriteByte(1);
        Ensure(16);
        id.TryWriteBytes(_buffer.AsSpan(_length), bigEndian: true, out _);
        _length += 16;
    }

    // Reads the case id as Microsoft.Data.Sqlite's GetGuid does: 16 bytes from a blob, any Guid text format otherwise.
    private bool TryWriteGuid(AuditRowStream row)
    {
        var type = row.Type(AuditRowStream.CaseId);
        if (type == raw.SQLITE_NULL)
        {
            WriteGuid(null);
            return true;
        }

        var value = row.Bytes(AuditRowStream.CaseId);
        if (type == raw.SQLITE_BLOB)
        {
            if (value.Length != 16)
            {
                return false;
            }

            WriteGuid(new Guid(value));
            return true;
        }

        if (Utf8Parser.TryParse(value, out Guid id, out var consumed) && consumed == value.Length)
        {
            WriteGuid(id);
            return true;
        }

        Span<char> text = stackalloc char[Math.Min(value.Length, 128)];
        if (value.Length <= 128 && Encoding.UTF8.TryGetChars(value, text, out var written) && Guid.TryParse(text[..written], out id))
        {
            WriteGuid(id);
            return true;
        }

        return false;
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
