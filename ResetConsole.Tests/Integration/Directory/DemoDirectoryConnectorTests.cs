using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Subjects;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Directory;

// The demo directory read back from SQLite: one statement per account (with its manager's and owner's names), and the
// two-name lookup approvals use for separation of duties, beside the interface's default (whole accounts) it replaces.
public sealed class DemoDirectoryConnectorTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;

    private IDirectoryConnector Directory => _harness.Get<IDirectoryConnector>();

    public async Task InitializeAsync() => _harness = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FindAsync_EveryAccount_ReadsBackAsGenerated_WithManagerAndOwnerNames()
    {
        var generated = DemoDirectoryData.Generate(ServiceHarness.Weekday);
        Assert.Contains(generated, s => s.ManagerId is not null);
        Assert.Contains(generated, s => s.OwnerId is not null);

        foreach (var expected in generated)
        {
            var found = await Directory.FindAsync(expected.Id) ?? throw new InvalidOperationException($"{expected.Id} was not found.");
            Assert.Equal(
                (expected.Username, expected.DisplayName, expected.ManagerId, expected.ManagerName, expected.OwnerId, expected.OwnerName),
                (found.Username, found.DisplayName, found.ManagerId, found.ManagerName, found.OwnerId, found.OwnerName));
            Assert.Equal(expected.Contacts.Select(c => (c.Kind, c.Value)).Order(), found.Contacts.Select(c => (c.Kind, c.Value)).Order());
            Assert.Equal(expected.Authenticators.Select(a => a.Id).Order(), found.Authenticators.Select(a => a.Id).Order());
            Assert.Equal(expected.Sessions.Select(s => s.Id).Order(), found.Sessions.Select(s => s.Id).Order());
        }
    }

    [Fact]
    public async Task FindAsync_AccountWithoutManagerOrOwner_HasNoNames()
    {
        var top = DemoDirectoryData.Generate(ServiceHarness.Weekday).First(s => s.ManagerId is null && s.OwnerId is null);

        var found = await Directory.FindAsync(top.Id);

        Assert.NotNull(found);
        Assert.Equal((null, null), (found.ManagerName, found.OwnerName));
    }

    [Fact]
    public async Task NamesAsync_EveryAccount_IsItsUsernameAndItsManagers_SameAsTheDefaultLookup()
    {
        var generated = DemoDirectoryData.Generate(ServiceHarness.Weekday);
        IDirectoryConnector byDefault = new InMemoryDirectory(generated);
        var managed = generated.First(s => s.Username == DemoAccounts.StandardEmployee);
        var manager = generated.Single(s => s.Id == managed.ManagerId);
        Assert.Equal(new AccountNames(DemoAccounts.StandardEmployee, manager.Username), await Directory.NamesAsync(managed.Id));

        foreach (var account in generated)
        {
            var expected = new AccountNames(account.Username, generated.SingleOrDefault(m => m.Id == account.ManagerId)?.Username);
            Assert.Equal(expected, await Directory.NamesAsync(account.Id));
            Assert.Equal(expected, await byDefault.NamesAsync(account.Id));
        }

        Assert.Contains(generated, s => s.ManagerId is null);
        Assert.Null(await Directory.NamesAsync("no-such-account"));
        Assert.Null(await byDefault.NamesAsync("no-such-account"));
        Assert.Null(await Directory.FindAsync("no-such-account"));
    }
}
