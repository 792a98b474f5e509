using MailKit.Net.Smtp;
using ResetConsole.Notifications;

namespace ResetConsole.Tests.Integration.Notifications;

public sealed class DeliveryNotificationSenderTests
{
    [Fact(Timeout = 20_000)]
    public async Task SendAsync_EmailChannel_GoesToSmtpOnly()
    {
        await using var harness = await DeliveryHarness.StartAsync();

        await harness.Sender.SendAsync(DeliveryHarness.Email);

        Assert.IsType<DeliveryNotificationSender>(harness.Sender);
        Assert.Single(harness.Smtp.Messages);
        Assert.Empty(harness.Gateway.Requests);
    }

    [Fact(Timeout = 20_000)]
    public async Task SendAsync_PhoneChannel_GoesToWebhookOnly()
    {
        await using var harness = await DeliveryHarness.StartAsync();

        await harness.Sender.SendAsync(DeliveryHarness.Phone);

        Assert.Single(harness.Gateway.Requests);
        Assert.Empty(harness.Smtp.Messages);
    }

    [Fact(Timeout = 20_000)]
    public async Task SendAsync_RecipientRefused_Propagates()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Smtp.RefuseRecipients = true;

        await Assert.ThrowsAsync<SmtpCommandException>(() => harness.Sender.SendAsync(DeliveryHarness.Email));
    }

    [Fact(Timeout = 20_000)]
    public async Task SendAsync_GatewayAnswers500_Propagates()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Gateway.StatusCode = 500;

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Sender.SendAsync(DeliveryHarness.Phone));
    }

    [Fact(Timeout = 20_000)]
    public async Task SendAsync_Delivered_LogsRecipientIdButNeitherAddressNorBody()
    {
        await using var harness = await DeliveryHarness.StartAsync();

        await harness.Sender.SendAsync(DeliveryHarness.Email);
        await harness.Sender.SendAsync(DeliveryHarness.Phone);

        var log = harness.Logs.Text;
        Assert.Contains($"to {DeliveryHarness.Email.RecipientId} by Email for case {DeliveryHarness.Email.CaseId}: succeeded True", log);
        Assert.Contains($"to {DeliveryHarness.Phone.RecipientId} by Phone for case {DeliveryHarness.Phone.CaseId}: succeeded True", log);
        AssertNothingPrivate(log);
    }

    [Fact(Timeout = 20_000)]
    public async Task SendAsync_Refused_LogsFailureButNeitherAddressNorBody()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Smtp.RefuseRecipients = true;
        harness.Gateway.StatusCode = 500;

        await Assert.ThrowsAnyAsync<Exception>(() => harness.Sender.SendAsync(DeliveryHarness.Email));
        await Assert.ThrowsAnyAsync<Exception>(() => harness.Sender.SendAsync(DeliveryHarness.Phone));

        var log = harness.Logs.Text;
        Assert.Contains("by Email", log);
        Assert.Contains("by Phone", log);
        Assert.Contains("succeeded False", log);
        Assert.DoesNotContain("succeeded True", log);
        AssertNothingPrivate(log);
    }

    private static void AssertNothingPrivate(string log)
    {
        Assert.DoesNotContain(DeliveryHarness.Email.Address, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DeliveryHarness.Phone.Address, log);
        Assert.DoesNotContain("7700900123", log.Replace(" ", ""));
        Assert.DoesNotContain(DeliveryHarness.Email.Body, log);
        Assert.DoesNotContain(DeliveryHarness.Phone.Body, log);
        Assert.DoesNotContain("Qz7-fake-Secret-41", log);
        Assert.DoesNotContain("482913", log);
        Assert.DoesNotContain(DeliveryHarness.Email.RecipientName, log);
    }
}
