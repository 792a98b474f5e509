namespace ResetConsole.Policy;

public sealed record BusinessHours(TimeZoneInfo TimeZone, TimeOnly Start, TimeOnly End, IReadOnlyList<DayOfWeek> Days)
{
    public bool Contains(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        var day = local.DayOfWeek;
        var open = false;
        foreach (var d in Days)
        {
            open |= d == day;
        }

        return open && time >= Start && time < End;
    }
}
