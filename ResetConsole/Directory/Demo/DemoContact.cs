using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Demo;

public sealed class DemoContact
{
    public Guid Id { get; set; }
    public required string AccountId { get; set; }
    public ContactKind Kind { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
