using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ResetConsole.Features.Audit;

/// <summary>
/// The checkpoint file: one signed JSON object per line, only ever appended to. A line whose signature does not
/// match is reported and never trusted, so editing the file cannot hide a truncation; deleting it only loses the
/// evidence, which is why checkpoints can also go to a webhook.
/// </summary>
public sealed class AuditCheckpointFile(AuditFiles files, AuditKeyring keys)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Path => files.CheckpointPath;

    public AuditCheckpoint Sign(long sequence, string hash, DateTimeOffset at) =>
        new(sequence, hash, at, Convert.ToHexStringLower(HMACSHA256.HashData(keys.CheckpointKey, SignedBytes(sequence, hash, at))));

    public bool IsGenuine(AuditCheckpoint checkpoint)
    {
        var expected = HMACSHA256.HashData(keys.CheckpointKey, SignedBytes(checkpoint.Sequence, checkpoint.Hash, checkpoint.At));
        var stored = new byte[expected.Length];
        return checkpoint.Signature.Length == expected.Length * 2
            && Convert.FromHexString(checkpoint.Signature, stored, out _, out _) == System.Buffers.OperationStatus.Done
            && CryptographicOperations.FixedTimeEquals(expected, stored);
    }

    public static string ToLine(AuditCheckpoint checkpoint) => JsonSerializer.Serialize(checkpoint, Json);

    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken ct = default)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var line = Encoding.UTF8.GetBytes(ToLine(checkpoint) + "\n");
        await stream.WriteAsync(line, ct);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every checkpoint whose signature holds, in file order, and a sentence for each line that was not trusted.</summary>
    public async Task<(IReadOnlyList<AuditCheckpoint> Trusted, IReadOnlyList<string> Problems)> ReadAsync(CancellationToken ct = default)
    {
        var trusted = new List<AuditCheckpoint>();
        var problems = new List<string>();
        if (!File.Exists(Path))
        {
            return (trusted, problems);
        }

        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(Path, ct))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var checkpoint = Parse(line);
            if (checkpoint is not null && IsGenuine(checkpoint))
            {
                trusted.Add(checkpoint);
            }
            else
            {
                problems.Add($"line {number.ToString(CultureInfo.InvariantCulture)} of {Path} {(checkpoint is null ? "is not a checkpoint" : "has a bad signature")} and was not trusted");
            }
        }

        return (trusted, problems);
    }

    private static AuditCheckpoint? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditCheckpoint>(line, Json) is { Hash: not null, Signature: not null } checkpoint ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] SignedBytes(long sequence, string hash, DateTimeOffset at)
    {
        var hashBytes = Encoding.UTF8.GetBytes(hash);
        var bytes = new byte[1 + 8 + 4 + hashBytes.Length + 8];
        bytes[0] = (byte)'C';
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), sequence);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(9), hashBytes.Length);
        hashBytes.CopyTo(bytes.AsSpan(13));
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(13 + hashBytes.Length), at.UtcTicks);
        return bytes;
    }
}
