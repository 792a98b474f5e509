using System.Globalization;

namespace ResetConsole.Policy;

/// <summary>Durations as a security lead writes them: "90s", "15m", "4h", "14d".</summary>
public static class PolicyDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        TimeSpan? parsed = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
        value = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    public static string Format(TimeSpan value) => value switch
    {
        { Ticks: 0 } => "0m",
        _ when value.Ticks % TimeSpan.TicksPerDay == 0 => $"{(long)value.TotalDays}d",
        _ when value.Ticks % TimeSpan.TicksPerHour == 0 => $"{(long)value.TotalHours}h",
        _ when value.Ticks % TimeSpan.TicksPerMinute == 0 => $"{(long)value.TotalMinutes}m",
        _ => $"{(long)value.TotalSeconds}s",
    };
}
