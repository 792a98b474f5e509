using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Notifications;

/// <summary>Posts phone-channel notifications to the SMS gateway's webhook. Throws on any answer outside 2xx.</summary>
public sealed class SmsWebhookSender(IHttpClientFactory httpFactory, IOptions<NotificationOptions> options)
{
    public const string HttpClientName = "Notifications.SmsWebhook";

    public async Task SendAsync(OutgoingNotification notification, CancellationToken ct = default)
    {
        if (notification.Channel != ContactKind.Phone)
        {
            throw new ArgumentException($"The SMS webhook only sends to phones, not {notification.Channel}.", nameof(notification));
        }

        var settings = options.Value;
        var webhook = settings.SmsWebhook;
        var payload = new SmsWebhookMessage(
            notification.Address, NotificationText.Compose(notification, settings.PublicBaseUrl), notification.Kind.ToString(), Guid.NewGuid().ToString("N"));
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = JsonContent.Create(payload) };
        if (!string.IsNullOrWhiteSpace(webhook.BearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", webhook.BearerToken);
        }

        var http = httpFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode}.", null, response.StatusCode);
            }
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // HttpClient reports its timeout as a cancellation; the caller must see a failed delivery, not a shutdown.
            throw new TimeoutException($"The SMS gateway did not answer within {webhook.Timeout}.", ex);
        }
    }
}
