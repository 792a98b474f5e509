using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Demo;

public sealed class DemoAuthenticator
{
    public Guid Id { get; set; }
    public required string AccountId { get; set; }
    public AuthenticatorKind Kind { get; set; }
    public required string Label { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
}
