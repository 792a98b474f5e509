namespace ResetConsole.Domain.Subjects;

public enum AuthenticatorKind
{
    Push,
    Totp,
    SecurityKey,
}
