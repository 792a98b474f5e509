namespace ResetConsole.Auth.Embedded;

internal sealed class IdpLoginForm
{
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}
