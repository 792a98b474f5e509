using ResetConsole.Domain.Subjects;

namespace ResetConsole.Notifications;

/// <summary>A message "sent" in demo mode, readable on the outbox page as the subject's phone or mailbox would show it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public NotificationKind Kind { get; set; }
    public required string RecipientId { get; set; }
    public required string RecipientName { get; set; }
    public ContactKind Channel { get; set; }
    public required string Address { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public Guid? CaseId { get; set; }
    public string? Link { get; set; }
}
