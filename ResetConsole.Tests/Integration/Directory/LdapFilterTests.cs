using ResetConsole.Directory.Ldap;

namespace ResetConsole.Tests.Integration.DirectoryConnectors;

public sealed class LdapFilterTests
{
    [Theory]
    [InlineData("dana", "dana")]
    [InlineData("*", @"\2a")]
    [InlineData("(uid=*)", @"\28uid=\2a\29")]
    [InlineData(@"a\b", @"a\5cb")]
    [InlineData("a\0b", @"a\00b")]
    [InlineData("line\nbreak", @"line\0abreak")]
    [InlineData("Zoë Ångström", "Zoë Ångström")]
    public void Escape_Rfc4515SpecialCharacters_AreHexEscaped(string value, string expected)
    {
        var escaped = LdapFilter.Escape(value);

        Assert.Equal(expected, escaped);
    }

    [Fact]
    public void Contains_InjectionAttempt_StaysOneAssertion()
    {
        var filter = LdapFilter.Contains("cn", "x)(|(uid=*");

        Assert.Equal(@"(cn=*x\29\28|\28uid=\2a*)", filter);
    }

    [Theory]
    [InlineData("uid=dana,ou=people,dc=example,dc=test", "ou=people,dc=example,dc=test", true)]
    [InlineData("UID=Dana, OU=People, DC=Example, DC=Test", "ou=people,dc=example,dc=test", true)]
    [InlineData("cn=Smith\\, Dana,ou=people,dc=example,dc=test", "ou=people,dc=example,dc=test", true)]
    [InlineData("uid=svc,ou=services,dc=example,dc=test", "ou=people,dc=example,dc=test", false)]
    [InlineData("uid=x,ou=people\\,dc=example,dc=test", "ou=people,dc=example,dc=test", false)]
    [InlineData("ou=evilpeople,dc=example,dc=test", "ou=people,dc=example,dc=test", false)]
    [InlineData("dc=test", "ou=people,dc=example,dc=test", false)]
    [InlineData("not a dn", "ou=people,dc=example,dc=test", false)]
    public void IsWithin_ComparesRdnByRdn(string dn, string baseDn, bool expected)
    {
        var within = LdapDn.IsWithin(dn, baseDn);

        Assert.Equal(expected, within);
    }

    [Theory]
    [InlineData("cn=Domain Admins,ou=groups,dc=example,dc=test", "Domain Admins")]
    [InlineData(@"cn=Smith\, Dana,ou=people,dc=example,dc=test", "Smith, Dana")]
    [InlineData(@"cn=Smith\2C Dana,ou=people,dc=example,dc=test", "Smith, Dana")]
    [InlineData(@"cn=Zo\C3\AB,dc=test", "Zoë")]
    public void FirstValue_DecodesEscapes(string dn, string expected)
    {
        var value = LdapDn.FirstValue(dn);

        Assert.Equal(expected, value);
    }
}
