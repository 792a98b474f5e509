using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Reads the audit trail for auditors and security leads: filtered, paged on the server, and exported whole as CSV or
/// JSON Lines (streamed, so an export of a million lines does not sit in memory). Every export is itself audited.
/// </summary>
public sealed class AuditReader(IDbContextFactory<AppDbContext> dbFactory, StaffAccess access, IDirectoryConnector directory, IAuditLog audit, AuditVerifier verifier)
{
    public static readonly string[] Readers = [Roles.Auditor, Roles.SecurityLead];

    public async Task<AuditPageResult> SearchAsync(StaffActor actor, AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await ApplyAsync(db, filter, ct);
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderByDescending(e => e.Sequence).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))).ToListAsync(ct);
        return new AuditPageResult(items, total);
    }

    /// <summary>Every entry of one case, oldest first (for its evidence pack).</summary>
    public async Task<IReadOnlyList<AuditLine>> ForCaseAsync(StaffActor actor, Guid caseId, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.AuditEntries.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence)).ToListAsync(ct);
    }

    /// <summary>Verifies the whole chain for an auditor or security lead; the check and its result are audited.</summary>
    public async Task<AuditVerification> VerifyAsync(StaffActor actor, CancellationToken ct = default)
    {
        var current = await access.RequireAsync(actor, Readers, ct);
        var result = await verifier.VerifyAsync(ct);
        await audit.AppendAloneAsync(new AuditRecord(current, "audit.verified", result.IsIntact ? AuditRecord.Succeeded : AuditRecord.Failed,
            Details: new Dictionary<string, string?>
            {
                ["entries"] = result.Entries.ToString(CultureInfo.InvariantCulture),
                ["firstBadSequence"] = result.FirstBadSequence?.ToString(CultureInfo.InvariantCulture),
                ["break"] = result.Break?.ToString(),
            }), ct);
        return result;
    }

    public async Task ExportAsync(StaffActor actor, AuditFilter filter, AuditExportFormat format, Stream output, CancellationToken ct = default)
    {
        var current = await access.RequireAsync(actor, Readers, ct);
        await audit.AppendAloneAsync(new AuditRecord(current, "audit.exported", AuditRecord.Succeeded, Details: new Dictionary<string, string?>
        {
            ["format"] = format.ToString(),
            ["filter"] = JsonSerializer.Serialize(filter),
        }), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Project((await ApplyAsync(db, filter, ct)).OrderBy(e => e.Sequence));
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        if (format == AuditExportFormat.Csv)
        {
            await writer.WriteLineAsync("sequence,at,actor_id,actor_name,actor_roles,actor_vendor,action,outcome,case_id,case_reference,subject_id,details,hash");
        }

        await foreach (var line in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(format == AuditExportFormat.Csv ? Csv(line) : JsonLine(line));
        }

        await writer.FlushAsync(ct);
    }

    public static string Csv(AuditLine e) => string.Join(',',
        e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), Field(e.ActorId), Field(e.ActorName), Field(e.ActorRoles),
        e.ActorIsVendor ? "true" : "false", Field(e.Action), Field(e.Outcome), Field(e.CaseId?.ToString()), Field(e.CaseReference), Field(e.SubjectId), Field(e.DetailsJson), Field(e.Hash));

    public static string JsonLine(AuditLine e) => JsonSerializer.Serialize(new
    {
        sequence = e.Sequence,
        at = e.At,
        actor = new { id = e.ActorId, name = e.ActorName, roles = e.ActorRoles, vendor = e.ActorIsVendor },
        action = e.Action,
        outcome = e.Outcome,
        caseId = e.CaseId,
        caseReference = e.CaseReference,
        subjectId = e.SubjectId,
        details = JsonDocument.Parse(e.DetailsJson).RootElement,
        hash = e.Hash,
    });

    // RFC 4180: quote when needed, double the quotes; a leading formula character is neutralised for spreadsheets.
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private async Task<IQueryable<AuditEntry>> ApplyAsync(AppDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actorText = filter.Actor.Trim();
            query = query.Where(e => e.ActorId == actorText || (e.ActorName != null && e.ActorName.Contains(actorText)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Account))
        {
            var account = filter.Account.Trim();
            var subject = await directory.FindByUsernameAsync(account, ct);
            var subjectId = subject?.Id ?? account;
            query = query.Where(e => e.SubjectId == subjectId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Case))
        {
            var ids = await CaseIdsAsync(db, filter.Case.Trim(), ct);
            query = query.Where(e => e.CaseId != null && ids.Contains(e.CaseId.Value));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(filter.Outcome))
        {
            var outcome = filter.Outcome.Trim();
            query = query.Where(e => e.Outcome == outcome);
        }

        return query;
    }

    private static async Task<List<Guid>> CaseIdsAsync(AppDbContext db, string text, CancellationToken ct)
    {
        if (Guid.TryParse(text, out var id))
        {
            return [id];
        }

        var hex = text.StartsWith("RC-", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (hex.Length != 8 || !hex.All(char.IsAsciiHexDigit))
        {
            return [];
        }

        // A reference is the first 8 hex digits of the id, which SQLite stores as text.
        return await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"RecoveryCases\" WHERE \"Id\" LIKE {hex + "%"}").ToListAsync(ct);
    }

    private static IQueryable<AuditLine> Project(IQueryable<AuditEntry> query) =>
        query.Select(e => new AuditLine(e.Sequence, e.At, e.ActorId, e.ActorName, e.ActorRoles, e.ActorIsVendor, e.Action, e.Outcome, e.CaseId, e.SubjectId, e.DetailsJson, e.Hash));
}

public enum AuditExportFormat
{
    Csv,
    JsonLines,
}
