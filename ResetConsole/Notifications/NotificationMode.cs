namespace ResetConsole.Notifications;

public enum NotificationMode
{
    /// <summary>Messages land in the demo outbox table.</summary>
    Outbox,

    /// <summary>Email through SMTP, text messages through an SMS gateway webhook.</summary>
    Delivery,
}
