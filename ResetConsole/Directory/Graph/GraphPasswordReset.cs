namespace ResetConsole.Directory.Graph;

/// <summary>How the connector sets a temporary password.</summary>
public enum GraphPasswordReset
{
    /// <summary>
    /// <c>PATCH /users/{id}</c> with <c>passwordProfile</c> (password and forceChangePasswordNextSignIn): works app-only
    /// with User-PasswordProfile.ReadWrite.All and the User Administrator role (Privileged Authentication
    /// Administrator for admins). Cloud accounts only: Entra refuses it for federated and synced accounts.
    /// </summary>
    PasswordProfile,

    /// <summary>
    /// <c>POST .../authentication/methods/{password}/resetPassword</c>, asynchronous (202 + Location), with password
    /// writeback to on-premises AD. Graph supports it with a delegated token only (an admin signed in), not app-only.
    /// </summary>
    AuthenticationMethods,
}
