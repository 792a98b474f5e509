using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ResetConsole.Notifications;

public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.AddHttpClient(SmsWebhookSender.HttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.SmsWebhook.Timeout);

        services.AddSingleton<DemoOutboxSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<SmsWebhookSender>();
        services.AddSingleton<DeliveryNotificationSender>();
        services.AddSingleton<INotificationSender>(sp =>
            sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Mode == NotificationMode.Delivery
                ? sp.GetRequiredService<DeliveryNotificationSender>()
                : sp.GetRequiredService<DemoOutboxSender>());
        services.AddSingleton<OutboxReader>();
        return services;
    }
}
