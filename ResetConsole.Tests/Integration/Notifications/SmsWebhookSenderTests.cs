using System.Net;
using System.Text.Json;
using ResetConsole.Notifications;

namespace ResetConsole.Tests.Integration.Notifications;

public sealed class SmsWebhookSenderTests
{
    [Fact(Timeout = 20_000)]
    public async Task SendAsync_PhoneNotification_PostsJsonWithToTextKindAndMessageId()
    {
        await using var harness = await DeliveryHarness.StartAsync();

        await harness.Get<SmsWebhookSender>().SendAsync(DeliveryHarness.Phone);

        var request = Assert.Single(harness.Gateway.Requests);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal($"Bearer {DeliveryHarness.BearerToken}", request.Authorization);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(["to", "text", "kind", "messageId"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(DeliveryHarness.Phone.Address, root.GetProperty("to").GetString());
        Assert.Equal($"{DeliveryHarness.Phone.Body}\n\n{DeliveryHarness.ExpectedLink}", root.GetProperty("text").GetString());
        Assert.Equal("RecoveryNotice", root.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("messageId").GetString()));
    }

    [Fact(Timeout = 20_000)]
    public async Task SendAsync_GatewayAnswers500_Throws()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Gateway.StatusCode = 500;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Get<SmsWebhookSender>().SendAsync(DeliveryHarness.Phone));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }
}
