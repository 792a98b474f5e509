using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Domain.Subjects;
using ResetConsole.Infrastructure;
using ResetConsole.Notifications;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Notifications;

public sealed class OutboxReaderTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        await _harness.Get<INotificationSender>().SendAsync(new OutgoingNotification(
            NotificationKind.OneTimeCode, "u-0001", "Someone", ContactKind.Email, "someone@northwind.example", "Code", "Your verification code is 123456."));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Latest_InDemoMode_ShowsWhatWasSent()
    {
        var messages = await new OutboxReader(_harness.Get<IDbContextFactory<AppDbContext>>(), new DemoMode(true)).LatestAsync(null, 10);

        Assert.Single(messages);
    }

    [Fact]
    public async Task Latest_OutsideDemoMode_IsEmptyWhateverThePageAsks()
    {
        var messages = await new OutboxReader(_harness.Get<IDbContextFactory<AppDbContext>>(), new DemoMode(false)).LatestAsync(null, 10);

        Assert.Empty(messages);
    }
}
