using Microsoft.Extensions.Options;
using ResetConsole.Data;

namespace ResetConsole.Features.Audit;

/// <summary>Where the audit trail's files live: the key and checkpoints beside the database, security events with the logs.</summary>
public sealed class AuditFiles(IOptions<AuditOptions> audit, IOptions<DatabaseOptions> database, IHostEnvironment environment, IConfiguration configuration)
{
    public string DatabasePath => database.Value.ResolvePath(environment.ContentRootPath);

    public string DataFolder => Path.GetDirectoryName(DatabasePath)!;

    /// <summary>The demo key. Outside demo mode the key comes from configuration only.</summary>
    public string KeyPath => Path.Combine(DataFolder, "audit.key");

    public string CheckpointPath => audit.Value.Checkpoints.Path is { Length: > 0 } path
        ? FromContentRoot(path)
        : Path.Combine(DataFolder, "audit-checkpoints.jsonl");

    public string SiemPath => FromContentRoot(audit.Value.Siem.Path is { Length: > 0 } path
        ? path
        : Path.Combine(configuration["Logging:Directory"] ?? "logs", "security-events-.clef"));

    private string FromContentRoot(string path) => Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
}
