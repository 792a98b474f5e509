using System.Globalization;

namespace ResetConsole.Policy;

internal static class BusinessHoursParser
{
    private static readonly string[] _days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static BusinessHours? Parse(YamlMap map)
    {
        var zone = Zone(map);
        var start = Time(map, "start");
        var end = Time(map, "end");
        var days = new List<DayOfWeek>();
        foreach (var (text, node) in map.Strings("days", required: true))
        {
            var index = Array.IndexOf(_days, text);
            if (index < 0)
            {
                map.Errors.Add(node, $"day '{text}' is not known; expected one of: {string.Join(", ", _days)}");
            }
            else
            {
                days.Add((DayOfWeek)index);
            }
        }

        map.RejectUnknownKeys();
        if (start is not null && end is not null && start >= end)
        {
            map.Errors.Add(map.Get("end")!, $"business hours end ({end:HH\\:mm}) must be after they start ({start:HH\\:mm})");
            return null;
        }

        return zone is null || start is null || end is null ? null : new BusinessHours(zone, start.Value, end.Value, days);
    }

    private static TimeZoneInfo? Zone(YamlMap map)
    {
        if (map.String("time-zone", required: true) is not { } id)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        map.Errors.Add(map.Get("time-zone")!, $"time zone '{id}' is not known; use an IANA name such as Europe/London");
        return null;
    }

    private static TimeOnly? Time(YamlMap map, string key)
    {
        if (map.String(key, required: true) is not { } text)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        map.Errors.Add(map.Get(key)!, $"'{key}' must be a time such as 08:00; found '{text}'");
        return null;
    }
}
