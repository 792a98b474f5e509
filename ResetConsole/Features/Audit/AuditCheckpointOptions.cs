namespace ResetConsole.Features.Audit;

/// <summary>The <c>Audit:Checkpoints</c> section.</summary>
public sealed class AuditCheckpointOptions
{
    /// <summary>JSON lines, appended to. Relative to the content root; default <c>audit-checkpoints.jsonl</c> beside the database.</summary>
    public string? Path { get; set; }

    /// <summary>Where each checkpoint is also POSTed, so a copy lives outside this machine.</summary>
    public Uri? WebhookUrl { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}
