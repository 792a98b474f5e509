using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Features.Audit;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

public sealed class AuditCheckpointTests : IAsyncLifetime
{
    private readonly RecordingEndpoint _webhook = new();
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;

    private AuditCheckpointer Checkpointer => _harness.Get<AuditCheckpointer>();

    private string CheckpointPath => _harness.Get<AuditCheckpointFile>().Path;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync(configure: s => s.Configure<AuditOptions>(o => o.Checkpoints.WebhookUrl = _webhook.Url));
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        _webhook.Dispose();
    }

    [Fact]
    public async Task Write_IntactChain_AppendsASignedLineBesideTheDatabase()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 4);

        var result = await Checkpointer.WriteAsync();

        Assert.True(result.Written, result.Summary);
        Assert.Equal(Path.Combine(_harness.Get<AuditFiles>().DataFolder, "audit-checkpoints.jsonl"), CheckpointPath);
        var line = JsonSerializer.Deserialize<JsonElement>(Assert.Single(await File.ReadAllLinesAsync(CheckpointPath)));
        Assert.Equal(4, line.GetProperty("sequence").GetInt64());
        Assert.Equal(_harness.Time.GetUtcNow(), line.GetProperty("at").GetDateTimeOffset());
        Assert.Matches("^[0-9a-f]{64}$", line.GetProperty("signature").GetString());
        Assert.Equal($"intact, 4 entries, last checkpoint #4 at {_harness.Time.GetUtcNow().UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}",
            (await _harness.Get<AuditVerifier>().VerifyAsync()).Summary);
    }

    [Fact]
    public async Task Write_WebhookConfigured_PostsTheSameCheckpoint()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 3);

        var result = await Checkpointer.WriteAsync();

        var (contentType, body) = await _webhook.NextAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("application/json", contentType);
        Assert.Equal(result.Checkpoint, JsonSerializer.Deserialize<AuditCheckpoint>(body, JsonSerializerOptions.Web));
        Assert.True(_harness.Get<AuditCheckpointFile>().IsGenuine(result.Checkpoint!));
    }

    [Fact]
    public async Task Write_NothingNewSinceTheLastCheckpoint_DoesNotAppend()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 2);
        await Checkpointer.WriteAsync();

        var again = await Checkpointer.WriteAsync();

        Assert.False(again.Written);
        Assert.StartsWith("no new entries since checkpoint #2", again.Summary);
        Assert.Single(await File.ReadAllLinesAsync(CheckpointPath));
    }

    [Fact]
    public async Task Write_AfterMoreEntries_VerifiesOnlyTheExtensionAndAppends()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 2);
        await Checkpointer.WriteAsync();
        await AuditTrail.AppendAsync(_harness, _dana, 3);

        var result = await Checkpointer.WriteAsync();

        Assert.Equal(5, result.Checkpoint!.Sequence);
        Assert.Equal(2, (await File.ReadAllLinesAsync(CheckpointPath)).Length);
    }

    [Fact]
    public async Task Write_ChainBrokenSinceTheLastCheckpoint_RefusesToVouchForIt()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 2);
        await Checkpointer.WriteAsync();
        await AuditTrail.AppendAsync(_harness, _dana, 3);
        var table = new AuditTable(_harness.Get<AuditFiles>().DatabasePath);
        await table.DropTriggersAsync();
        await table.ExecuteAsync("UPDATE AuditEntries SET Action = 'test.rewritten' WHERE Sequence = 4");

        var result = await Checkpointer.WriteAsync();

        Assert.False(result.Written);
        Assert.False(result.ChainIntact);
        Assert.Contains("broken at #4 (edited)", result.Summary);
        Assert.Single(await File.ReadAllLinesAsync(CheckpointPath));
    }

    [Fact]
    public async Task Write_EmptyChain_WritesNothing()
    {
        var result = await Checkpointer.WriteAsync();

        Assert.False(result.Written);
        Assert.False(File.Exists(CheckpointPath));
    }

    [Fact]
    public async Task Worker_IntervalElapsesOnTheClock_WritesACheckpoint()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 3);
        var worker = _harness.Get<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>().OfType<AuditCheckpointWorker>().Single();
        await worker.StartAsync(CancellationToken.None);

        _harness.Time.Advance(TimeSpan.FromMinutes(15));
        var (_, body) = await _webhook.NextAsync(TimeSpan.FromSeconds(10));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(3, JsonSerializer.Deserialize<AuditCheckpoint>(body, JsonSerializerOptions.Web)!.Sequence);
        Assert.Single(await File.ReadAllLinesAsync(CheckpointPath));
    }
}
