using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

/// <summary>
/// Reads one YAML mapping. Every key asked for becomes "known", so <see cref="RejectUnknownKeys"/> can flag typos
/// with the keys that were expected.
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, string where, ErrorSink errors)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public string Where => where;

    public SourcePosition At => ErrorSink.At(node);

    public YamlMappingNode Node => node;

    public ErrorSink Errors => errors;

    public static YamlMap? From(YamlNode item, string where, ErrorSink errors)
    {
        if (item is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, where, errors);
        }

        errors.Add(item, $"{where} must be a mapping of keys to values");
        return null;
    }

    public YamlNode? Get(string key, bool required = false)
    {
        _known.Add(key);
        if (node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value))
        {
            return value;
        }

        if (required)
        {
            errors.Add(node, $"{where} is missing '{key}'");
        }

        return null;
    }

    public string? String(string key, bool required = false) =>
        Get(key, required) is { } value ? Scalar(value, $"'{key}' in {where}") : null;

    public int? Int(string key, int min, int max, bool required = false)
    {
        if (String(key, required) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(Get(key)!, $"'{key}' in {where} must be a whole number from {min} to {max}; found '{text}'");
            return null;
        }

        return value;
    }

    public bool? Bool(string key, bool required = false)
    {
        if (String(key, required) is not { } text)
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return text == "true";
        }

        errors.Add(Get(key)!, $"'{key}' in {where} must be true or false; found '{text}'");
        return null;
    }

    public TimeSpan? Duration(string key, TimeSpan max, bool required = false)
    {
        if (String(key, required) is not { } text)
        {
            return null;
        }

        var at = Get(key)!;
        if (!PolicyDuration.TryParse(text, out var value) || value <= TimeSpan.Zero)
        {
            errors.Add(at, $"'{key}' in {where} must be a duration such as 90s, 15m, 4h or 14d; found '{text}'");
            return null;
        }

        if (value > max)
        {
            errors.Add(at, $"'{key}' in {where} is {text}, above the maximum of {PolicyDuration.Format(max)}");
            return null;
        }

        return value;
    }

    public TEnum? Enum<TEnum>(string key, string what, bool required = false)
        where TEnum : struct, System.Enum =>
        Get(key, required) is { } value ? ParseEnum<TEnum>(value, what, errors) : null;

    public IReadOnlyList<YamlNode> Items(string key, bool required = false)
    {
        if (Get(key, required) is not { } value)
        {
            return [];
        }

        if (value is YamlSequenceNode sequence)
        {
            if (required && sequence.Children.Count == 0)
            {
                errors.Add(value, $"'{key}' in {where} must list at least one entry");
            }

            return [.. sequence.Children];
        }

        errors.Add(value, $"'{key}' in {where} must be a list");
        return [];
    }

    public IReadOnlyList<(string Text, YamlNode Node)> Strings(string key, bool required = false)
    {
        var result = new List<(string, YamlNode)>();
        foreach (var item in Items(key, required))
        {
            if (Scalar(item, $"an entry of '{key}' in {where}") is { } text)
            {
                result.Add((text, item));
            }
        }

        return result;
    }

    public List<TEnum> Enums<TEnum>(string key, string what, bool required = false)
        where TEnum : struct, System.Enum
    {
        var result = new List<TEnum>();
        foreach (var item in Items(key, required))
        {
            if (ParseEnum<TEnum>(item, what, errors) is { } value && !result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    public IReadOnlyList<string> Controls() => [.. Strings("controls").Select(s => s.Text)];

    public YamlMap? Map(string key, string what, bool required = false) =>
        Get(key, required) is { } value ? From(value, what, errors) : null;

    public void RejectUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!_known.Contains(name))
            {
                errors.Add(key, $"unknown key '{name}' in {where}{Suggest(name)}; expected one of: {string.Join(", ", _known)}");
            }
        }
    }

    public string? Scalar(YamlNode value, string what)
    {
        if (value is YamlScalarNode { Value: { } text })
        {
            return text;
        }

        errors.Add(value, $"{what} must be a single value, not a list or mapping");
        return null;
    }

    public static TEnum? ParseEnum<TEnum>(YamlNode value, string what, ErrorSink errors)
        where TEnum : struct, System.Enum
    {
        var text = (value as YamlScalarNode)?.Value ?? string.Empty;
        if (PolicyNames<TEnum>.TryParse(text, out var parsed))
        {
            return parsed;
        }

        errors.Add(value, $"{what} '{text}' is not known; expected one of: {PolicyNames<TEnum>.Expected}");
        return null;
    }

    private static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain };

    private string Suggest(string name)
    {
        var best = _known.MinBy(k => Distance.Levenshtein(k, name));
        return best is not null && Distance.Levenshtein(best, name) <= 2 ? $" (did you mean '{best}'?)" : string.Empty;
    }
}
