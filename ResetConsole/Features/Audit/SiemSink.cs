namespace ResetConsole.Features.Audit;

public enum SiemSink
{
    File,
    Http,
    Syslog,
}
