using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResetConsole.Infrastructure;
using ResetConsole.Notifications;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Notifications;

public sealed class NotificationServiceCollectionExtensionsTests
{
    [Fact(Timeout = 20_000)]
    public async Task AddNotifications_NoModeConfigured_SendsToDemoOutbox()
    {
        await using var harness = await ServiceHarness.StartAsync();

        Assert.IsType<DemoOutboxSender>(harness.Get<INotificationSender>());
    }

    [Fact(Timeout = 20_000)]
    public async Task StartAsync_DeliveryWithoutSmtpHost_FailsWithOneSentence()
    {
        using var host = Build(new()
        {
            ["Notifications:Mode"] = "Delivery",
            ["Notifications:PublicBaseUrl"] = "https://console.example.test/",
            ["Notifications:Smtp:FromAddress"] = "helpdesk@example.test",
            ["Notifications:SmsWebhook:Url"] = "https://sms.example.test/send",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Notifications:Smtp:Host is required when Notifications:Mode is Delivery.", Assert.Single(error.Failures));
        Assert.Equal("Notifications:Smtp:Host is required when Notifications:Mode is Delivery.", StartupFailure.Describe(error));
    }

    [Fact(Timeout = 20_000)]
    public async Task StartAsync_OutboxWithNothingElseSet_Starts()
    {
        using var host = Build(new() { ["Notifications:Mode"] = "Outbox" });

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact(Timeout = 20_000)]
    public async Task StartAsync_DeliveryWithUsernameButNoPassword_NamesTheEnvironmentVariable()
    {
        using var host = Build(new()
        {
            ["Notifications:Mode"] = "Delivery",
            ["Notifications:PublicBaseUrl"] = "https://console.example.test/",
            ["Notifications:Smtp:Host"] = "smtp.example.test",
            ["Notifications:Smtp:Username"] = "console",
            ["Notifications:Smtp:FromAddress"] = "helpdesk@example.test",
            ["Notifications:SmsWebhook:Url"] = "https://sms.example.test/send",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            "Notifications:Smtp:Password must be set (environment variable Notifications__Smtp__Password or user-secrets) when Notifications:Smtp:Username is set.",
            Assert.Single(error.Failures));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddNotifications();
        return builder.Build();
    }
}
