namespace ResetConsole.Notifications;

/// <summary>What the SMS gateway receives, as JSON: <c>{ "to", "text", "kind", "messageId" }</c>.</summary>
internal sealed record SmsWebhookMessage(string To, string Text, string Kind, string MessageId);
