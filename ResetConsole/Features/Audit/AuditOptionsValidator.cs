using Microsoft.Extensions.Options;
using ResetConsole.Infrastructure;

namespace ResetConsole.Features.Audit;

internal sealed class AuditOptionsValidator(DemoMode demo) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (options.Key is { Length: > 0 } key)
        {
            if (AuditKeyring.Problem(key, "Audit:Key") is { } problem)
            {
                failures.Add(problem);
            }
        }
        else if (!demo.IsOn)
        {
            failures.Add(AuditKeySource.MissingKey);
        }

        if (options.Checkpoints.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Audit:Checkpoints:Interval must be at least one second.");
        }

        if (options.Checkpoints.WebhookUrl is { } webhook && !IsHttp(webhook))
        {
            failures.Add("Audit:Checkpoints:WebhookUrl must be an absolute http or https URL.");
        }

        switch (options.Siem.Sink)
        {
            case SiemSink.Http when options.Siem.Url is not { } url || !IsHttp(url):
                failures.Add("Audit:Siem:Url must be an absolute http or https URL when Audit:Siem:Sink is Http.");
                break;
            case SiemSink.Syslog when string.IsNullOrWhiteSpace(options.Siem.Host):
                failures.Add("Audit:Siem:Host must name the syslog collector when Audit:Siem:Sink is Syslog.");
                break;
        }

        if (options.Siem.Port is < 1 or > 65535)
        {
            failures.Add("Audit:Siem:Port must be between 1 and 65535.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && uri.Scheme is "http" or "https";
}
