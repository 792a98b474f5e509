namespace ResetConsole.Notifications;

/// <summary>The <c>Notifications:SmsWebhook</c> section: the SMS gateway text messages are posted to.</summary>
public sealed class SmsWebhookOptions
{
    public string? Url { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c> when set. From the environment or user-secrets, never from appsettings.json.</summary>
    public string? BearerToken { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
