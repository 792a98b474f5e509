namespace ResetConsole.Domain.Subjects;

public sealed record EnrolledAuthenticator(Guid Id, AuthenticatorKind Kind, string Label, DateTimeOffset EnrolledAt);
