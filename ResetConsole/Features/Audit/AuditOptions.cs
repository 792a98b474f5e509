namespace ResetConsole.Features.Audit;

/// <summary>The <c>Audit</c> section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Base64, at least 32 bytes, from the environment or user-secrets (never appsettings.json, never the database).
    /// Optional in demo mode, which generates one into the data folder.
    /// </summary>
    public string? Key { get; set; }

    public AuditCheckpointOptions Checkpoints { get; set; } = new();

    public AuditSiemOptions Siem { get; set; } = new();
}
