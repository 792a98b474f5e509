using ResetConsole.Directory.Ldap;

namespace ResetConsole.Tests.Integration.DirectoryConnectors;

public sealed class LdapOptionsTests
{
    [Fact]
    public void Problems_CompleteSettings_AreNone()
    {
        var options = Valid();

        var problems = options.Problems();

        Assert.Empty(problems);
    }

    [Fact]
    public void Problems_NoHost_NamesTheSetting()
    {
        var options = Valid();
        options.Host = null;

        var problems = options.Problems();

        Assert.Equal(["Directory:Ldap:Host is required when Directory:Provider is Ldap."], problems);
    }

    [Fact]
    public void Problems_PlainLdapNotAllowed_AsksForLdaps()
    {
        var options = Valid();
        options.UseLdaps = false;

        var problems = options.Problems();

        Assert.Contains(problems, p => p.StartsWith("Directory:Ldap:UseLdaps must be true", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ActiveDirectoryWithoutLdaps_IsRefusedEvenWhenPlainIsAllowed()
    {
        var options = Valid();
        options.Flavor = LdapFlavor.ActiveDirectory;
        options.UseLdaps = false;
        options.AllowUnencrypted = true;

        var problems = options.Problems();

        Assert.Equal(["Directory:Ldap:UseLdaps must be true when Directory:Ldap:Flavor is ActiveDirectory, because Active Directory sets passwords only over LDAPS."], problems);
    }

    [Fact]
    public void Problems_BothHookKinds_AreRefused()
    {
        var options = Valid();
        options.RevocationHook.Url = "https://sso.example.test/revoke";

        var problems = options.Problems();

        Assert.Contains(problems, p => p.StartsWith("Directory:Ldap:RevocationHook needs exactly one of Command or Url", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_AttributeNameWithFilterSyntax_IsRefused()
    {
        var options = Valid();
        options.Attributes.Username = "uid)(cn=*";

        var problems = options.Problems();

        Assert.Contains(problems, p => p.StartsWith("Directory:Ldap:Attributes:Username must be an attribute name", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_NoBindPassword_PointsToTheEnvironment()
    {
        var options = Valid();
        options.BindPassword = "";

        var problems = options.Problems();

        Assert.Equal(["Directory:Ldap:BindPassword must be set (environment variable Directory__Ldap__BindPassword or user-secrets) when Directory:Provider is Ldap."], problems);
    }

    private static LdapOptions Valid() => new()
    {
        Host = "ldap.example.test",
        UseLdaps = true,
        BindDn = "uid=svc-reset,ou=services,dc=example,dc=test",
        BindPassword = "not-checked-here",
        BaseDn = "ou=people,dc=example,dc=test",
        RevocationHook = new LdapRevocationHookOptions { Command = "/usr/local/bin/revoke-sessions" },
    };
}
