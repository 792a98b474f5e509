using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Notifications;

/// <summary>Sends email-channel notifications as plain text through the configured SMTP server. Throws when the server refuses.</summary>
public sealed class SmtpEmailSender(IOptions<NotificationOptions> options)
{
    public async Task SendAsync(OutgoingNotification notification, CancellationToken ct = default)
    {
        if (notification.Channel != ContactKind.Email)
        {
            throw new ArgumentException($"The SMTP sender only sends email, not {notification.Channel}.", nameof(notification));
        }

        var settings = options.Value;
        var smtp = settings.Smtp;
        var host = smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is required when Notifications:Mode is Delivery.");
        var from = smtp.FromAddress ?? throw new InvalidOperationException("Notifications:Smtp:FromAddress must be an email address when Notifications:Mode is Delivery.");
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, from));
        message.To.Add(new MailboxAddress(notification.RecipientName, notification.Address));
        message.Subject = notification.Title;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = NotificationText.Compose(notification, settings.PublicBaseUrl) };

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, smtp.Port, Map(smtp.Security), ct);
            if (!string.IsNullOrWhiteSpace(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // A timeout is a failed delivery, not a shutdown: the caller records cancellation as "still pending".
            throw new TimeoutException($"The SMTP server did not answer within {smtp.Timeout}.", ex);
        }
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
