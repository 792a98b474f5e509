using ResetConsole.Domain.Subjects;

namespace ResetConsole.Notifications;

/// <summary>Real delivery: email through SMTP, phone through the SMS webhook. A failure propagates, so it becomes a failed side effect.</summary>
public sealed class DeliveryNotificationSender(SmtpEmailSender email, SmsWebhookSender sms, ILogger<DeliveryNotificationSender> logger)
    : INotificationSender
{
    public async Task SendAsync(OutgoingNotification notification, CancellationToken ct = default)
    {
        var channel = notification.Channel.ToString();
        try
        {
            await (notification.Channel switch
            {
                ContactKind.Email => email.SendAsync(notification, ct),
                ContactKind.Phone => sms.SendAsync(notification, ct),
                _ => throw new NotSupportedException($"No sender delivers to the {channel} channel."),
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not the exception itself: a server's refusal text can quote the address.
            NotificationLog.Delivered(logger, LogLevel.Warning, notification.Kind, notification.RecipientId, channel, notification.CaseId, succeeded: false);
            throw;
        }

        NotificationLog.Delivered(logger, LogLevel.Information, notification.Kind, notification.RecipientId, channel, notification.CaseId, succeeded: true);
    }
}
