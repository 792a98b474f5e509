namespace ResetConsole.Domain.Subjects;

/// <summary>A contact held in the directory. <see cref="Value"/> is never shown to staff or logged; use <see cref="Masked"/>.</summary>
public sealed record ContactOfRecord(Guid Id, ContactKind Kind, string Value, DateTimeOffset ChangedAt)
{
    public string Masked => ContactMask.Mask(Kind, Value);

    public bool ChangedWithin(TimeSpan window, DateTimeOffset now) => now - ChangedAt <= window;
}
