namespace ResetConsole.Directory.Demo;

public sealed class DemoSession
{
    public Guid Id { get; set; }
    public required string AccountId { get; set; }
    public required string Device { get; set; }
    public required string Location { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
