using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Notifications;

/// <summary>Demo mode: messages land in the outbox table instead of a mail server or SMS gateway.</summary>
public sealed class DemoOutboxSender(
    IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, TimeProvider time, ConsoleEventHub hub, ILogger<DemoOutboxSender> logger)
    : INotificationSender
{
    public async Task SendAsync(OutgoingNotification notification, CancellationToken ct = default)
    {
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                SentAt = time.GetUtcNow(),
                Kind = notification.Kind,
                RecipientId = notification.RecipientId,
                RecipientName = notification.RecipientName,
                Channel = notification.Channel,
                Address = notification.Address,
                Title = notification.Title,
                Body = notification.Body,
                CaseId = notification.CaseId,
                Link = notification.Link,
            });
            await db.SaveChangesAsync(ct);
        }

        NotificationLog.Sent(logger, notification.Kind, notification.RecipientId, notification.Channel.ToString(), notification.CaseId);
        hub.Publish(new ConsoleEvent(ConsoleTopic.OutboxChanged, notification.CaseId, notification.RecipientId));
    }
}
