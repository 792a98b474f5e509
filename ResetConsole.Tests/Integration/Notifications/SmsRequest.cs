namespace ResetConsole.Tests.Integration.Notifications;

/// <summary>One request the fake SMS gateway received.</summary>
public sealed record SmsRequest(string Path, string? ContentType, string? Authorization, string Body);
