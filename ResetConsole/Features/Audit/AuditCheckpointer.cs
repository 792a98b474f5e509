using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Writes the chain's head as a signed checkpoint outside the database (the checkpoint file, and the webhook when
/// configured), so a later truncation or a restored older copy shows. It vouches only for a chain that verifies:
/// everything since the last checkpoint is checked first, and a broken chain is refused, not blessed.
/// </summary>
public sealed class AuditCheckpointer(
    AuditVerifier verifier,
    AuditCheckpointFile file,
    TimeProvider time,
    IHttpClientFactory http,
    IOptions<AuditOptions> options,
    ILogger<AuditCheckpointer> logger)
{
    public const string WebhookClient = "audit-checkpoints";

    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<AuditCheckpointResult> WriteAsync(CancellationToken ct = default)
    {
        await _one.WaitAsync(ct);
        try
        {
            var (trusted, problems) = await file.ReadAsync(ct);
            if (problems.Count > 0)
            {
                AuditMessages.CheckpointLinesRejected(logger, problems.Count);
            }

            var anchor = trusted.OrderBy(c => c.Sequence).ThenBy(c => c.At).LastOrDefault();
            var chain = anchor is null ? await verifier.VerifyAsync(ct) : await verifier.VerifySinceAsync(anchor, ct);
            if (!chain.IsIntact)
            {
                AuditMessages.CheckpointRefused(logger, chain.FirstBadSequence, chain.Break);
                return new AuditCheckpointResult(null, false, false, $"no checkpoint written: the chain is {chain.Summary}");
            }

            if (chain.Entries == 0)
            {
                return new AuditCheckpointResult(null, false, true, "no checkpoint written: the chain has no entries yet");
            }

            if (anchor is not null && anchor.Sequence == chain.Entries)
            {
                return new AuditCheckpointResult(anchor, false, true, $"no new entries since {AuditVerification.Describe(anchor)}");
            }

            var checkpoint = file.Sign(chain.Entries, chain.LastHash, time.GetUtcNow());
            await file.AppendAsync(checkpoint, ct);
            AuditMessages.CheckpointWritten(logger, checkpoint.Sequence, file.Path);
            var posted = await PostAsync(checkpoint, ct);
            return new AuditCheckpointResult(checkpoint, true, true,
                $"wrote {AuditVerification.Describe(checkpoint)} to {file.Path}{posted}");
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<string> PostAsync(AuditCheckpoint checkpoint, CancellationToken ct)
    {
        if (options.Value.Checkpoints.WebhookUrl is not { } url)
        {
            return string.Empty;
        }

        try
        {
            using var response = await http.CreateClient(WebhookClient).PostAsJsonAsync(url, checkpoint, ct);
            if (response.IsSuccessStatusCode)
            {
                return " and the webhook";
            }

            AuditMessages.WebhookFailed(logger, null, checkpoint.Sequence, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            AuditMessages.WebhookFailed(logger, ex, checkpoint.Sequence, null);
        }

        return "; the webhook did not accept it (see the log)";
    }
}
