using ResetConsole.Auth;
using ResetConsole.Auth.Embedded;
using ResetConsole.Directory.Demo;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Unit.Auth;

public sealed class DemoStaffTests
{
    [Fact]
    public void All_CoversEveryConsoleRole() =>
        Assert.All(Roles.All, role => Assert.Contains(DemoStaff.All, s => s.Roles.Contains(role)));

    [Fact]
    public void All_HasAnOutsourcedAgent() =>
        Assert.Contains(DemoStaff.All, s => s.IsVendor && s.Roles.Contains(Roles.Agent));

    [Fact]
    public async Task Authenticate_StaffWithTheRightPassword_ReturnsThePersonWithRoles()
    {
        var user = await new EmbeddedUsers(new InMemoryDirectory()).AuthenticateAsync(" DANA ", DemoStaff.Password);

        Assert.Equal("Dana Whitfield", user?.DisplayName);
        Assert.Equal([Roles.Agent], user?.Roles);
    }

    [Fact]
    public async Task Authenticate_ADirectoryPerson_SignsInWithNoConsoleRole()
    {
        var user = await new EmbeddedUsers(new InMemoryDirectory()).AuthenticateAsync(DemoAccounts.TeamLead, DemoStaff.Password);

        Assert.Equal(DemoAccounts.TeamLead, user?.Username);
        Assert.Empty(user!.Roles);
    }

    [Theory]
    [InlineData("dana", "wrong")]
    [InlineData("dana", "")]
    [InlineData("nobody", DemoStaff.Password)]
    [InlineData(DemoAccounts.PayrollSyncService, DemoStaff.Password)]
    public async Task Authenticate_AnythingElse_ReturnsNull(string username, string password) =>
        Assert.Null(await new EmbeddedUsers(new InMemoryDirectory()).AuthenticateAsync(username, password));
}
