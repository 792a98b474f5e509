namespace ResetConsole.Notifications;

/// <summary>Delivers a message out of band. Throws when delivery failed, so the caller can record a failed side effect.</summary>
public interface INotificationSender
{
    Task SendAsync(OutgoingNotification notification, CancellationToken ct = default);
}
