using System.Text.Json;
using ResetConsole.Auth;

namespace ResetConsole.Features.Audit;

/// <summary>Downloads: the filtered trail as CSV or JSON Lines, and a case's evidence pack as JSON.</summary>
public static class AuditEndpoints
{
    private static readonly JsonSerializerOptions PackJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit/export", async (HttpContext http, AuditReader reader, TimeProvider time, string? format, DateTimeOffset? from, DateTimeOffset? to,
            string? actor, string? account, string? @case, string? action, string? outcome, CancellationToken ct) =>
        {
            var kind = format == "jsonl" ? AuditExportFormat.JsonLines : AuditExportFormat.Csv;
            http.Response.ContentType = kind == AuditExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.{(kind == AuditExportFormat.Csv ? "csv" : "jsonl")}\"";
            try
            {
                await reader.ExportAsync(StaffActor.From(http.User), new AuditFilter(from, to, actor, account, @case, action, outcome), kind, http.Response.Body, ct);
            }
            catch (AccessRefusedException) when (!http.Response.HasStarted)
            {
                // The service checks the current staff record before writing a byte; nothing was sent yet.
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        }).RequireAuthorization(Policies.ViewSecurity);

        app.MapGet("/cases/{id:guid}/evidence.json", async (Guid id, HttpContext http, EvidencePackService packs, CancellationToken ct) =>
        {
            EvidencePack pack;
            try
            {
                pack = await packs.BuildAsync(StaffActor.From(http.User), id, ct);
            }
            catch (AccessRefusedException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            catch (Domain.Cases.CaseRuleException)
            {
                return Results.NotFound();
            }

            http.Response.Headers.ContentDisposition = $"attachment; filename=\"evidence-{pack.Case.Reference}.json\"";
            return Results.Json(pack, PackJson);
        }).RequireAuthorization(Policies.ViewSecurity);

        return app;
    }
}
