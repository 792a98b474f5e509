using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Entry times as the database keeps them. The store converts times to a long with 0.1 ms precision, so an entry's
/// time is cut to what survives the round trip before it is hashed, and raw reads decode it the same way.
/// </summary>
public static class AuditTime
{
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();
    private static readonly Func<DateTimeOffset, long> ToStored = Converter.ConvertToProviderTyped;
    private static readonly Func<long, DateTimeOffset> FromStoredValue = Converter.ConvertFromProviderTyped;

    public static DateTimeOffset Normalize(DateTimeOffset time) => FromStoredValue(ToStored(time.ToUniversalTime()));

    public static DateTimeOffset FromStored(long value) => FromStoredValue(value);
}
