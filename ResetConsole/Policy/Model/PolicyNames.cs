using System.Collections.Frozen;
using System.Text;

namespace ResetConsole.Policy;

/// <summary>The kebab-case spelling used in YAML for each enum value ("one-time-code", "walk-in").</summary>
public static class PolicyNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] _values = Enum.GetValues<TEnum>();
    private static readonly FrozenDictionary<TEnum, string> _names =
        _values.ToFrozenDictionary(v => v, v => ToKebab(v.ToString()));
    private static readonly FrozenDictionary<string, TEnum> _byName =
        _values.ToFrozenDictionary(v => _names[v], v => v, StringComparer.Ordinal);

    public static IReadOnlyList<string> All { get; } = _values.Select(v => _names[v]).ToArray();

    public static string Name(TEnum value) => _names[value];

    public static bool TryParse(string text, out TEnum value) => _byName.TryGetValue(text, out value);

    public static string Expected => string.Join(", ", All);

    private static string ToKebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(pascal[i]));
        }

        return sb.ToString();
    }
}
