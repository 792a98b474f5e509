using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResetConsole.Data.Configurations;

/// <summary>Small lists that are always read with their owner live in one JSON column.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Stores the list as JSON. Change tracking compares the list itself, element by element, and snapshots it as a
    /// copy of the list: the elements are strings, enums and immutable records, so a change is always an element
    /// added, removed or replaced, which a copy of the list sees. (Comparing the serialized JSON instead cost two
    /// serializations per column each time EF detected changes, several times per case write; see
    /// docs/performance.md.)
    /// </summary>
    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
                v => v == null ? 0 : v.Aggregate(0, (hash, element) => HashCode.Combine(hash, element)),
                v => v == null ? null! : new List<T>(v)));
}
