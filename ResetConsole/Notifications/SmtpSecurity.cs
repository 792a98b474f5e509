namespace ResetConsole.Notifications;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
