namespace ResetConsole.Notifications;

public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<INotificationSender, DemoOutboxSender>();
        services.AddSingleton<OutboxReader>();
        return services;
    }
}
