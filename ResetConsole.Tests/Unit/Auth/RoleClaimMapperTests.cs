using System.Security.Claims;
using ResetConsole.Auth;

namespace ResetConsole.Tests.Unit.Auth;

public sealed class RoleClaimMapperTests
{
    [Fact]
    public void Apply_EmbeddedRoleClaims_KeepsOnlyConsoleRoles()
    {
        var identity = Identity(("role", "Agent"), ("role", "Janitor"));

        new RoleClaimMapper(new ConsoleAuthOptions()).Apply(identity);

        Assert.Equal(["Agent"], Roles(identity));
    }

    [Fact]
    public void Apply_KeycloakRealmAccessPath_MapsNestedRoles()
    {
        var identity = Identity(("realm_access", """{"roles":["helpdesk","sec-lead","offline_access"]}"""));
        var options = new ConsoleAuthOptions
        {
            RoleClaim = "realm_access.roles",
            RoleMap = new() { ["helpdesk"] = "Agent", ["sec-lead"] = "SecurityLead" },
        };

        new RoleClaimMapper(options).Apply(identity);

        Assert.Equal(["Agent", "SecurityLead"], Roles(identity));
    }

    [Fact]
    public void Apply_EntraAppRoles_MapsCaseInsensitively()
    {
        var identity = Identity(("roles", "ResetConsole.Supervisor"), ("roles", "resetconsole.auditor"));
        var options = new ConsoleAuthOptions
        {
            RoleClaim = "roles",
            RoleMap = new() { ["ResetConsole.Supervisor"] = "Supervisor", ["ResetConsole.Auditor"] = "Auditor" },
        };

        new RoleClaimMapper(options).Apply(identity);

        Assert.Equal(["Auditor", "Supervisor"], Roles(identity));
    }

    [Fact]
    public void Apply_GroupsAsOneJsonArrayClaim_AreExpanded()
    {
        var identity = Identity(("groups", """["Helpdesk","Everyone"]"""));
        var options = new ConsoleAuthOptions { RoleClaim = "groups", RoleMap = new() { ["Helpdesk"] = "Agent" } };

        new RoleClaimMapper(options).Apply(identity);

        Assert.Equal(["Agent"], Roles(identity));
    }

    [Fact]
    public void Apply_ProviderClaimNamedRoleWithAMap_DropsUnmappedConsoleNames()
    {
        // With a map in force, a provider role that merely looks like a console role grants nothing.
        var identity = Identity(("role", "SecurityLead"), ("role", "desk"));
        var options = new ConsoleAuthOptions { RoleMap = new() { ["desk"] = "Agent" } };

        new RoleClaimMapper(options).Apply(identity);

        Assert.Equal(["Agent"], Roles(identity));
    }

    [Fact]
    public void Apply_VendorGroup_MarksTheIdentityAsVendor()
    {
        var identity = Identity(("groups", "outsourced-desk"), ("groups", "desk"));
        var options = new ConsoleAuthOptions
        {
            RoleClaim = "groups",
            RoleMap = new() { ["desk"] = "Agent" },
            VendorRole = "outsourced-desk",
        };

        new RoleClaimMapper(options).Apply(identity);

        Assert.True(identity.HasClaim(StaffClaims.Vendor, "true"));
    }

    [Fact]
    public void Apply_MalformedJsonPathClaim_GrantsNothing()
    {
        var identity = Identity(("realm_access", "{not json"));

        new RoleClaimMapper(new ConsoleAuthOptions { RoleClaim = "realm_access.roles" }).Apply(identity);

        Assert.Empty(Roles(identity));
    }

    [Fact]
    public void Apply_KeepsOnlyTheClaimsTheConsoleReads()
    {
        var identity = Identity(
            ("sub", "u-1"), ("iss", "https://login.example/"), ("name", "Dana Whitfield"), ("preferred_username", "dana"),
            ("vendor_name", "Northwind Support"), ("groups", "desk"), ("groups", "outsourced-desk"), ("oi_au_id", "a1"),
            ("oi_tkn_id", "t1"), ("nonce", "n1"), ("at_hash", "h1"), ("email", "dana@example.com"));
        var options = new ConsoleAuthOptions { RoleClaim = "groups", RoleMap = new() { ["desk"] = "Agent" }, VendorRole = "outsourced-desk" };

        new RoleClaimMapper(options).Apply(identity);

        Assert.Equal(
            ["iss=https://login.example/", "name=Dana Whitfield", "preferred_username=dana", "role=Agent", "sub=u-1", "vendor=true", "vendor_name=Northwind Support"],
            identity.Claims.Select(c => $"{c.Type}={c.Value}").Order(StringComparer.Ordinal));
        var actor = StaffActor.From(new ClaimsPrincipal(identity));
        Assert.Equal(("https://login.example/", "u-1", "Dana Whitfield", "dana", true), (actor.Issuer, actor.Id, actor.Name, actor.Username, actor.IsVendor));
    }

    private static ClaimsIdentity Identity(params (string Type, string Value)[] claims) =>
        new(claims.Select(c => new Claim(c.Type, c.Value)), "test", StaffClaims.Name, StaffClaims.Role);

    private static string[] Roles(ClaimsIdentity identity) =>
        identity.FindAll(StaffClaims.Role).Select(c => c.Value).ToArray();
}
