using MimeKit;

namespace ResetConsole.Notifications;

/// <summary>The <c>Notifications</c> section: where messages to subjects and managers go.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public NotificationMode Mode { get; set; } = NotificationMode.Outbox;

    /// <summary>The console's address as subjects reach it; links in delivered messages are made absolute with it.</summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public SmsWebhookOptions SmsWebhook { get; set; } = new();

    /// <summary>Every problem with these settings, each as one sentence naming the setting.</summary>
    public IEnumerable<string> Problems()
    {
        if (Mode != NotificationMode.Delivery)
        {
            yield break;
        }

        if (!IsHttpUrl(PublicBaseUrl))
        {
            yield return "Notifications:PublicBaseUrl must be the absolute http or https URL of the console when Notifications:Mode is Delivery.";
        }

        if (string.IsNullOrWhiteSpace(Smtp.Host))
        {
            yield return "Notifications:Smtp:Host is required when Notifications:Mode is Delivery.";
        }

        if (Smtp.Port is < 1 or > 65535)
        {
            yield return "Notifications:Smtp:Port must be between 1 and 65535.";
        }

        if (!MailboxAddress.TryParse(Smtp.FromAddress ?? "", out _))
        {
            yield return "Notifications:Smtp:FromAddress must be an email address when Notifications:Mode is Delivery.";
        }

        if (!string.IsNullOrWhiteSpace(Smtp.Username) && string.IsNullOrEmpty(Smtp.Password))
        {
            yield return "Notifications:Smtp:Password must be set (environment variable Notifications__Smtp__Password or user-secrets) when Notifications:Smtp:Username is set.";
        }

        if (!IsReasonable(Smtp.Timeout))
        {
            yield return "Notifications:Smtp:Timeout must be between 1 second and 5 minutes.";
        }

        if (!IsHttpUrl(SmsWebhook.Url))
        {
            yield return "Notifications:SmsWebhook:Url must be an absolute http or https URL when Notifications:Mode is Delivery.";
        }

        if (!IsReasonable(SmsWebhook.Timeout))
        {
            yield return "Notifications:SmsWebhook:Timeout must be between 1 second and 5 minutes.";
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsReasonable(TimeSpan timeout) => timeout >= TimeSpan.FromSeconds(1) && timeout <= TimeSpan.FromMinutes(5);
}
