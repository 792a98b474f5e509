namespace ResetConsole.Domain.Subjects;

public sealed record ActiveSession(Guid Id, string Device, string Location, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt);
