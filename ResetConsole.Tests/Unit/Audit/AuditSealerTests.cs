using System.Security.Cryptography;
using ResetConsole.Features.Audit;

namespace ResetConsole.Tests.Unit.Audit;

public sealed class AuditSealerTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Seal_IsHmacSha256UnderTheDerivedEntryKeyOverTheCanonicalBytes()
    {
        var entry = AuditCanonicalFormTests.Sample();
        var entryKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Key, 32, info: "ResetConsole audit entries v1"u8.ToArray());
        using var sealer = AuditKeyring.FromKey(Key).CreateSealer();

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(entryKey, AuditCanonicalForm.ToBytes(entry))), sealer.Seal(entry));
    }

    [Fact]
    public void IsSealed_EntryItSealed_IsTrueAndStaysTrueAcrossSealers()
    {
        var entry = AuditCanonicalFormTests.Sample();
        using (var sealer = AuditKeyring.FromKey(Key).CreateSealer())
        {
            entry.Hash = sealer.Seal(entry);
        }

        using var another = AuditKeyring.FromKey(Key).CreateSealer();

        Assert.True(another.IsSealed(entry));
    }

    [Fact]
    public void IsSealed_UnderAnotherKey_IsFalse()
    {
        var entry = AuditCanonicalFormTests.Sample();
        using var sealer = AuditKeyring.FromKey(Key).CreateSealer();
        entry.Hash = sealer.Seal(entry);
        using var other = AuditKeyring.FromKey(RandomNumberGenerator.GetBytes(32)).CreateSealer();

        Assert.False(other.IsSealed(entry));
    }

    [Fact]
    public void IsSealed_AsAnotherSequence_IsFalse()
    {
        var entry = AuditCanonicalFormTests.Sample();
        using var sealer = AuditKeyring.FromKey(Key).CreateSealer();
        entry.Hash = sealer.Seal(entry);

        Assert.False(sealer.IsSealed(entry, asSequence: entry.Sequence + 1));
        Assert.False(sealer.IsSealed(entry, afterHash: new string('c', 64)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not hex at all")]
    [InlineData("abcd")]
    public void IsSealed_MalformedStoredHash_IsFalse(string hash)
    {
        var entry = AuditCanonicalFormTests.Sample();
        entry.Hash = hash;
        using var sealer = AuditKeyring.FromKey(Key).CreateSealer();

        Assert.False(sealer.IsSealed(entry));
    }

    [Fact]
    public void PlainSha256_DiffersFromTheSeal()
    {
        var entry = AuditCanonicalFormTests.Sample();
        using var sealer = AuditKeyring.FromKey(Key).CreateSealer();

        Assert.NotEqual(sealer.Seal(entry), sealer.PlainSha256(entry));
    }

    [Fact]
    public void FromKey_ShorterThan32Bytes_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => AuditKeyring.FromKey(new byte[31]));
    }

    [Theory]
    [InlineData(null, "Audit:Key is empty.")]
    [InlineData("%%%", "Audit:Key is not valid base64.")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==", "Audit:Key must be at least 32 bytes of base64 (it has 31).")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", null)]
    public void Problem_DescribesAnUnusableKeyInOneSentence(string? key, string? expected)
    {
        Assert.Equal(expected, AuditKeyring.Problem(key, "Audit:Key"));
    }
}
