using ResetConsole.Auth;
using ResetConsole.Auth.Embedded;

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
    public void Authenticate_RightPassword_ReturnsThePerson() =>
        Assert.Equal("Dana Whitfield", DemoStaff.Authenticate(" DANA ", DemoStaff.Password)?.DisplayName);

    [Theory]
    [InlineData("dana", "wrong")]
    [InlineData("dana", "")]
    [InlineData("nobody", DemoStaff.Password)]
    public void Authenticate_AnythingElse_ReturnsNull(string username, string password) =>
        Assert.Null(DemoStaff.Authenticate(username, password));
}
