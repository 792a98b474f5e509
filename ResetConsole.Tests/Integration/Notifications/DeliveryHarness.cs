using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResetConsole.Domain.Subjects;
using ResetConsole.Notifications;

namespace ResetConsole.Tests.Integration.Notifications;

/// <summary>
/// The notification services as <c>AddNotifications()</c> wires them in Delivery mode, pointed at a fake SMTP server
/// and a fake SMS gateway, with every log line captured.
/// </summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://console.example.test/";
    public const string FromAddress = "helpdesk@example.test";
    public const string FromName = "Example Helpdesk";
    public const string BearerToken = "gateway-token-for-tests";

    private readonly ServiceProvider _services;

    private DeliveryHarness(FakeSmtpServer smtp, FakeSmsGateway gateway, Action<Dictionary<string, string?>>? adjust)
    {
        Smtp = smtp;
        Gateway = gateway;
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Mode"] = "Delivery",
            ["Notifications:PublicBaseUrl"] = PublicBaseUrl,
            ["Notifications:Smtp:Host"] = smtp.Host,
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:Smtp:FromAddress"] = FromAddress,
            ["Notifications:Smtp:FromName"] = FromName,
            ["Notifications:Smtp:Timeout"] = "00:00:10",
            ["Notifications:SmsWebhook:Url"] = gateway.Url.ToString(),
            ["Notifications:SmsWebhook:BearerToken"] = BearerToken,
            ["Notifications:SmsWebhook:Timeout"] = "00:00:10",
        };
        adjust?.Invoke(settings);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddNotifications();
        _services = services.BuildServiceProvider();
    }

    public FakeSmtpServer Smtp { get; }

    public FakeSmsGateway Gateway { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public INotificationSender Sender => Get<INotificationSender>();

    public static OutgoingNotification Email { get; } = new(
        NotificationKind.RecoveryNotice, "subj-alex-morgan", "Alex Morgan", ContactKind.Email, "alex.morgan@example.test",
        "A helpdesk change to your account", "Your temporary password is Qz7-fake-Secret-41. You must choose a new one when you sign in.",
        Guid.Parse("5b0f8c2e-51d4-4c69-9d0e-2a7f4f1c9e11"), "/report/5b0f8c2e-51d4-4c69-9d0e-2a7f4f1c9e11");

    public static OutgoingNotification Phone { get; } = Email with
    {
        Channel = ContactKind.Phone,
        Address = "+44 7700 900123",
        Body = "A password reset was completed on alex.morgan by the helpdesk. Code 482913.",
    };

    public static string ExpectedLink => "https://console.example.test/report/5b0f8c2e-51d4-4c69-9d0e-2a7f4f1c9e11";

    public static async Task<DeliveryHarness> StartAsync(Action<Dictionary<string, string?>>? adjust = null) =>
        new(new FakeSmtpServer(), await FakeSmsGateway.StartAsync(), adjust);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Gateway.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
