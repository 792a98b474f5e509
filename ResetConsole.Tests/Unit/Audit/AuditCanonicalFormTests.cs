using System.Globalization;
using ResetConsole.Features.Audit;

namespace ResetConsole.Tests.Unit.Audit;

public sealed class AuditCanonicalFormTests
{
    public static TheoryData<string> Fields => new()
    {
        nameof(AuditEntry.Sequence), nameof(AuditEntry.At), nameof(AuditEntry.ActorIssuer), nameof(AuditEntry.ActorId),
        nameof(AuditEntry.ActorName), nameof(AuditEntry.ActorRoles), nameof(AuditEntry.ActorIsVendor), nameof(AuditEntry.Action),
        nameof(AuditEntry.Outcome), nameof(AuditEntry.CaseId), nameof(AuditEntry.SubjectId), nameof(AuditEntry.DetailsJson),
        nameof(AuditEntry.PreviousHash),
    };

    // Each pair is adjacent in the serialization; moving one character across the boundary must not collide.
    public static TheoryData<string, string> AdjacentTextFields => new()
    {
        { nameof(AuditEntry.ActorIssuer), nameof(AuditEntry.ActorId) },
        { nameof(AuditEntry.ActorId), nameof(AuditEntry.ActorName) },
        { nameof(AuditEntry.ActorName), nameof(AuditEntry.ActorRoles) },
        { nameof(AuditEntry.Action), nameof(AuditEntry.Outcome) },
        { nameof(AuditEntry.SubjectId), nameof(AuditEntry.DetailsJson) },
        { nameof(AuditEntry.DetailsJson), nameof(AuditEntry.PreviousHash) },
    };

    [Fact]
    public void Serialize_SameEntryTwice_GivesTheSameBytes()
    {
        Assert.Equal(AuditCanonicalForm.ToBytes(Sample()), AuditCanonicalForm.ToBytes(Sample()));
    }

    [Fact]
    public void Serialize_KnownEntry_GivesTheRecordedBytes()
    {
        // Fixed on purpose: if this changes, every stored hash changes. Bump AuditCanonicalForm.Version instead.
        var entry = new AuditEntry
        {
            Sequence = 2,
            At = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
            ActorId = "dana",
            ActorIsVendor = true,
            Action = "a",
            Outcome = "ok",
            CaseId = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"),
            DetailsJson = "{}",
            PreviousHash = "00",
            Hash = "ignored",
        };

        Assert.Equal(
            "01" + "0000000000000002" + "08df4ba4088bd000" + "00" + "01000000046461 6e61".Replace(" ", string.Empty) + "00" + "00" + "01"
            + "0100000001" + "61" + "0100000002" + "6f6b" + "01" + "00112233445566778899aabbccddeeff" + "00" + "0100000002" + "7b7d"
            + "0100000002" + "3030",
            Convert.ToHexStringLower(AuditCanonicalForm.ToBytes(entry)));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Serialize_AnyFieldChanged_ChangesTheBytes(string field)
    {
        var changed = Sample();
        Change(changed, field);

        Assert.NotEqual(AuditCanonicalForm.ToBytes(Sample()), AuditCanonicalForm.ToBytes(changed));
    }

    [Fact]
    public void Serialize_HashField_IsNotPartOfTheBytes()
    {
        var other = Sample();
        other.Hash = "something else";

        Assert.Equal(AuditCanonicalForm.ToBytes(Sample()), AuditCanonicalForm.ToBytes(other));
    }

    [Theory]
    [MemberData(nameof(AdjacentTextFields))]
    public void Serialize_CharacterMovedBetweenAdjacentFields_ChangesTheBytes(string left, string right)
    {
        var first = Sample();
        Set(first, left, "ab");
        Set(first, right, "c");
        var second = Sample();
        Set(second, left, "a");
        Set(second, right, "bc");

        Assert.NotEqual(AuditCanonicalForm.ToBytes(first), AuditCanonicalForm.ToBytes(second));
    }

    [Fact]
    public void Serialize_SeparatorCharactersInsideFields_CannotImitateABoundary()
    {
        var first = Sample();
        first.ActorId = "a\u001fb";
        first.ActorName = "c";
        var second = Sample();
        second.ActorId = "a";
        second.ActorName = "b\u001fc";

        Assert.NotEqual(AuditCanonicalForm.ToBytes(first), AuditCanonicalForm.ToBytes(second));
    }

    [Fact]
    public void Serialize_NullAndEmptyText_Differ()
    {
        var withNull = Sample();
        withNull.SubjectId = null;
        var withEmpty = Sample();
        withEmpty.SubjectId = string.Empty;

        Assert.NotEqual(AuditCanonicalForm.ToBytes(withNull), AuditCanonicalForm.ToBytes(withEmpty));
    }

    [Fact]
    public void Serialize_SameInstantInAnotherOffset_GivesTheSameBytes()
    {
        var utc = Sample();
        var local = Sample();
        local.At = utc.At.ToOffset(TimeSpan.FromHours(5.5));

        Assert.Equal(AuditCanonicalForm.ToBytes(utc), AuditCanonicalForm.ToBytes(local));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    public void Serialize_UnderAnotherCulture_GivesTheSameBytes(string culture)
    {
        var invariant = AuditCanonicalForm.ToBytes(Sample());
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(invariant, AuditCanonicalForm.ToBytes(Sample()));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Serialize_LoneSurrogate_IsRefusedRatherThanReplaced()
    {
        var entry = Sample();
        entry.ActorName = "broken \ud800 name";

        Assert.Throws<System.Text.EncoderFallbackException>(() => AuditCanonicalForm.ToBytes(entry));
    }

    [Fact]
    public void Serialize_LongDetails_GrowsTheBufferAndKeepsEveryByte()
    {
        var entry = Sample();
        entry.DetailsJson = new string('x', 10_000);

        Assert.True(AuditCanonicalForm.ToBytes(entry).Length > 10_000);
    }

    internal static AuditEntry Sample() => new()
    {
        Sequence = 41,
        At = new DateTimeOffset(2026, 11, 26, 10, 15, 30, TimeSpan.Zero).AddTicks(1_234_000),
        ActorIssuer = "https://idp.test/",
        ActorId = "dana",
        ActorName = "Dana Agent",
        ActorRoles = "Agent,Supervisor",
        ActorIsVendor = false,
        Action = "case.opened",
        Outcome = "succeeded",
        CaseId = Guid.Parse("0195f3a1-0000-7000-8000-000000000001"),
        SubjectId = "u-0042",
        DetailsJson = "{\"tier\":\"standard\"}",
        PreviousHash = new string('a', 64),
        Hash = new string('b', 64),
    };

    private static void Change(AuditEntry entry, string field)
    {
        switch (field)
        {
            case nameof(AuditEntry.Sequence): entry.Sequence++; break;
            case nameof(AuditEntry.At): entry.At = entry.At.AddTicks(1_000); break;
            case nameof(AuditEntry.ActorIsVendor): entry.ActorIsVendor = !entry.ActorIsVendor; break;
            case nameof(AuditEntry.CaseId): entry.CaseId = Guid.Parse("0195f3a1-0000-7000-8000-000000000002"); break;
            default: Set(entry, field, Get(entry, field) + "!"); break;
        }
    }

    private static string? Get(AuditEntry entry, string field) => (string?)typeof(AuditEntry).GetProperty(field)!.GetValue(entry);

    private static void Set(AuditEntry entry, string field, string value) => typeof(AuditEntry).GetProperty(field)!.SetValue(entry, value);
}
