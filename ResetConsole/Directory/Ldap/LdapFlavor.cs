namespace ResetConsole.Directory.Ldap;

/// <summary>Which server the LDAP connector talks to; it decides attribute defaults and how passwords and locks are written.</summary>
public enum LdapFlavor
{
    /// <summary>OpenLDAP with the ppolicy overlay: <c>userPassword</c>, <c>pwdReset</c>, <c>pwdAccountLockedTime</c>.</summary>
    OpenLdap,

    /// <summary>Active Directory: <c>unicodePwd</c> over LDAPS, <c>pwdLastSet</c>, <c>lockoutTime</c>.</summary>
    ActiveDirectory,
}
