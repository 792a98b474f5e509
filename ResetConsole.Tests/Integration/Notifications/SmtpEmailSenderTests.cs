using MailKit.Net.Smtp;
using MimeKit;
using ResetConsole.Notifications;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Notifications;

public sealed class SmtpEmailSenderTests
{
    [Fact(Timeout = 20_000)]
    public async Task SendAsync_EmailNotification_ArrivesWithFromToSubjectAndBody()
    {
        await using var harness = await DeliveryHarness.StartAsync();

        await harness.Get<SmtpEmailSender>().SendAsync(DeliveryHarness.Email);

        var mail = Assert.Single(harness.Smtp.Messages);
        Assert.Equal(DeliveryHarness.FromAddress, mail.MailFrom);
        Assert.Equal([DeliveryHarness.Email.Address], mail.RcptTo);
        using var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data)));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal((DeliveryHarness.FromName, DeliveryHarness.FromAddress), (from.Name, from.Address));
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal((DeliveryHarness.Email.RecipientName, DeliveryHarness.Email.Address), (to.Name, to.Address));
        Assert.Equal(DeliveryHarness.Email.Title, message.Subject);
        var body = Assert.IsType<TextPart>(message.Body);
        Assert.True(body.IsPlain);
        Assert.Equal($"{DeliveryHarness.Email.Body}\n\n{DeliveryHarness.ExpectedLink}", body.Text.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact(Timeout = 20_000)]
    public async Task SendAsync_RecipientRefused_Throws()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Smtp.RefuseRecipients = true;

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() => harness.Get<SmtpEmailSender>().SendAsync(DeliveryHarness.Email));

        Assert.Equal(SmtpStatusCode.MailboxUnavailable, error.StatusCode);
        Assert.Empty(harness.Smtp.Messages);
    }

    [Fact(Timeout = 20_000)]
    public async Task SendAsync_ServerDown_Throws()
    {
        var nobodyListens = FreePort.Next();
        await using var harness = await DeliveryHarness.StartAsync(s => s["Notifications:Smtp:Port"] = nobodyListens.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => harness.Get<SmtpEmailSender>().SendAsync(DeliveryHarness.Email));
    }
}
