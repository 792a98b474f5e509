using ResetConsole.Domain.Subjects;

namespace ResetConsole.Notifications;

/// <summary>
/// A message to a person at a contact of record. <see cref="Address"/> comes from the directory record only and is
/// never logged; <see cref="Body"/> may hold a one-time code and is never logged either.
/// </summary>
public sealed record OutgoingNotification(
    NotificationKind Kind,
    string RecipientId,
    string RecipientName,
    ContactKind Channel,
    string Address,
    string Title,
    string Body,
    Guid? CaseId = null,
    string? Link = null);
