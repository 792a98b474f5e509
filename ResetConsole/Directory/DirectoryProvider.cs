namespace ResetConsole.Directory;

public enum DirectoryProvider
{
    /// <summary>The seeded SQLite directory (embedded mode).</summary>
    Demo,

    /// <summary>OpenLDAP or Active Directory over LDAP(S); settings under Directory:Ldap.</summary>
    Ldap,

    /// <summary>Entra ID through Microsoft Graph; settings under Directory:Graph.</summary>
    Graph,
}
