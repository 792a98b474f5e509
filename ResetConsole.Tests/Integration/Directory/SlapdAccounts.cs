using System.Text;

namespace ResetConsole.Tests.Integration.DirectoryConnectors;

/// <summary>
/// The test directory. Each account that a test changes is used by that test alone, so tests sharing the fixture
/// stay independent of their order.
/// </summary>
internal static class SlapdAccounts
{
    public static string Ldif()
    {
        var ldif = new StringBuilder($"""
            dn: {SlapdFixture.BaseDn}
            objectClass: dcObject
            objectClass: organization
            o: Example
            dc: example

            dn: ou=policies,{SlapdFixture.BaseDn}
            objectClass: organizationalUnit
            ou: policies

            dn: cn=default,ou=policies,{SlapdFixture.BaseDn}
            objectClass: organizationalRole
            objectClass: pwdPolicy
            cn: default
            pwdAttribute: userPassword
            pwdLockout: TRUE
            pwdMaxFailure: 5
            pwdMustChange: TRUE
            pwdAllowUserChange: TRUE
            pwdMinLength: 8
            pwdCheckQuality: 2

            dn: ou=services,{SlapdFixture.BaseDn}
            objectClass: organizationalUnit
            ou: services

            dn: {SlapdFixture.ServiceDn}
            objectClass: account
            objectClass: simpleSecurityObject
            uid: svc-reset
            userPassword: {SlapdFixture.ServicePassword}

            dn: {SlapdFixture.PeopleDn}
            objectClass: organizationalUnit
            ou: people


            """);

        Person(ldif, "alex", "Alex Morgan", "E1000", "departmentNumber: Executive Office", "title: Chief Financial Officer", "mail: alex.morgan@example.test");
        Person(ldif, "dana", "Dana Smith", "E1001", "departmentNumber: Finance", "title: Analyst", "mail: dana.smith@example.test",
            "mobile: +44 7700 900123", "telephoneNumber: +44 20 7946 0958", $"manager: {SlapdFixture.Person("alex")}");
        Person(ldif, "casey", "Casey Contractor", "C2001", "employeeType: Contractor");
        Person(ldif, "build-bot", "Build Bot", "S3001");
        Person(ldif, "kim", "Kim Locked", "E1010", "pwdAccountLockedTime: 000001010000Z");
        Person(ldif, "lee", "Lee Unlockme", "E1011", "pwdAccountLockedTime: 000001010000Z");
        Person(ldif, "robin", "Robin Resetme", "E1020");
        Person(ldif, "sam", "Sam Nochange", "E1021", "pwdReset: TRUE");
        Person(ldif, "jo", "Jo Quietly", "E1022");
        Person(ldif, "pat", "Pat Policy", "E1023");
        Person(ldif, "rev", "Rev Sessions", "E1030");
        Person(ldif, "qbert", "Q*bert Star", "E1040");
        for (var i = 1; i <= 7; i++)
        {
            Person(ldif, $"pager{i:00}", $"Pager Person {i:00}", $"P40{i:00}");
        }

        ldif.Append($"""
            dn: {SlapdFixture.GroupsDn}
            objectClass: organizationalUnit
            ou: groups


            """);
        Group(ldif, "Finance Approvers", "dana");
        Group(ldif, "Staff", "dana", "alex", "casey");
        Group(ldif, "Executives", "alex");
        Group(ldif, "Service Accounts", "build-bot");
        return ldif.ToString();
    }

    private static void Person(StringBuilder ldif, string uid, string name, string employeeNumber, params string[] extra)
    {
        ldif.Append($"""
            dn: {SlapdFixture.Person(uid)}
            objectClass: inetOrgPerson
            uid: {uid}
            cn: {name}
            sn: {name.Split(' ')[^1]}
            employeeNumber: {employeeNumber}
            userPassword: {SlapdFixture.PasswordOf(uid)}

            """);
        foreach (var line in extra)
        {
            ldif.Append(line).Append('\n');
        }

        ldif.Append('\n');
    }

    private static void Group(StringBuilder ldif, string name, params string[] members)
    {
        ldif.Append($"dn: cn={name},{SlapdFixture.GroupsDn}\nobjectClass: groupOfNames\ncn: {name}\n");
        foreach (var member in members)
        {
            ldif.Append($"member: {SlapdFixture.Person(member)}\n");
        }

        ldif.Append('\n');
    }
}
