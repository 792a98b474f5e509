namespace ResetConsole.Notifications;

/// <summary>The <c>Notifications:Smtp</c> section: the mail server email notifications go through.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    /// <summary>From the environment or user-secrets, never from appsettings.json.</summary>
    public string? Password { get; set; }

    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "Helpdesk";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
