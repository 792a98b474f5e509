namespace ResetConsole.Tests.Integration.Notifications;

/// <summary>One message the fake SMTP server accepted: the envelope and the DATA as sent, dot-unstuffed.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTo, string Data);
