using System.DirectoryServices.Protocols;
using ProtocolOperationException = System.DirectoryServices.Protocols.DirectoryOperationException;

namespace ResetConsole.Directory.Ldap;

/// <summary>
/// Turns what System.DirectoryServices.Protocols throws into the console's <see cref="Directory.DirectoryOperationException"/>.
/// Messages name the operation and the result, never a value sent: the server's diagnostic text is left out because
/// some servers echo the rejected value in it.
/// </summary>
internal static class LdapErrors
{
    // Client-side codes from libldap (RFC 4511 stops at 80).
    private const int ServerDown = 81;
    private const int ClientTimeout = 85;
    private const int ConnectError = 91;

    public static bool IsTransient(int code) => code is
        (int)ResultCode.Busy or (int)ResultCode.Unavailable or (int)ResultCode.TimeLimitExceeded
        or ServerDown or ClientTimeout or ConnectError;

    public static int? CodeOf(Exception exception) => exception switch
    {
        ProtocolOperationException { Response: { } response } => (int)response.ResultCode,
        LdapException ldap => ldap.ErrorCode,
        _ => null,
    };

    /// <summary>The console's exception for an LDAP failure, or null when the exception is not an LDAP one.</summary>
    public static Directory.DirectoryOperationException? Translate(string operation, Exception exception)
    {
        if (exception is TimeoutException)
        {
            return new Directory.DirectoryOperationException($"{operation} failed: the directory did not answer in time.", isTransient: true, inner: exception);
        }

        if (CodeOf(exception) is not { } code)
        {
            return null;
        }

        return new Directory.DirectoryOperationException($"{operation} failed: {Describe(code)}.", IsTransient(code), inner: exception);
    }

    private static string Describe(int code) => code switch
    {
        ServerDown or ConnectError => "the directory server could not be reached",
        ClientTimeout or (int)ResultCode.TimeLimitExceeded => "the directory did not answer in time",
        (int)ResultCode.Busy or (int)ResultCode.Unavailable => "the directory is busy or unavailable",
        49 => "the directory rejected the service account's credentials (check Directory:Ldap:BindDn and Directory:Ldap:BindPassword)",
        (int)ResultCode.ConstraintViolation => "the directory refused the change (constraint violation, e.g. the password policy's length, history or quality rules)",
        (int)ResultCode.UnwillingToPerform => "the directory is unwilling to perform it (e.g. a password that fails complexity rules, or a change that needs LDAPS)",
        (int)ResultCode.InsufficientAccessRights => "the service account lacks the access rights for it",
        (int)ResultCode.NoSuchObject => "the entry does not exist (it may have been renamed or deleted)",
        (int)ResultCode.UndefinedAttributeType or (int)ResultCode.ObjectClassViolation => "the directory's schema does not allow it (check Directory:Ldap:Flavor and HasPasswordPolicy)",
        (int)ResultCode.SizeLimitExceeded or (int)ResultCode.AdminLimitExceeded => "the directory's size or admin limit was exceeded",
        _ => $"the directory answered with LDAP result code {code}",
    };
}
