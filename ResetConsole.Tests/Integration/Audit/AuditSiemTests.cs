using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Verification;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

/// <summary>Every committed audit entry reaches the SIEM sink as a structured event, and nothing else does.</summary>
public sealed class AuditSiemTests
{
    [Fact]
    public async Task Append_FileSink_WritesOneClefEventPerEntryWithTheEntrysFields()
    {
        await using var harness = await ServiceHarness.StartAsync();
        var dana = await harness.StaffAsync("dana", Roles.Agent, Roles.Supervisor);
        var caseId = Guid.NewGuid();

        await harness.Get<IAuditLog>().AppendAloneAsync(new AuditRecord(dana, "case.opened", AuditRecord.Succeeded, caseId, "u-0042",
            new Dictionary<string, string?> { ["tier"] = "standard" }));
        await harness.Get<IAuditLog>().AppendAloneAsync(new AuditRecord(dana, "case.submit", AuditRecord.Refused, caseId, "u-0042"));

        var events = await EventsAsync(harness);
        Assert.Equal(2, events.Count);
        var opened = events[0];
        await using var db = await harness.DbAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 1);
        Assert.Equal(1, opened.GetProperty("Sequence").GetInt64());
        Assert.Equal("audit", opened.GetProperty("EventType").GetString());
        Assert.Equal("case.opened", opened.GetProperty("Action").GetString());
        Assert.Equal("succeeded", opened.GetProperty("Outcome").GetString());
        Assert.Equal("dana", opened.GetProperty("ActorId").GetString());
        Assert.Equal("dana", opened.GetProperty("ActorName").GetString());
        Assert.Equal(["Agent", "Supervisor"], opened.GetProperty("ActorRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(opened.GetProperty("ActorIsVendor").GetBoolean());
        Assert.Equal(caseId, opened.GetProperty("CaseId").GetGuid());
        Assert.Equal("u-0042", opened.GetProperty("SubjectId").GetString());
        Assert.Equal("standard", opened.GetProperty("Details").GetProperty("tier").GetString());
        Assert.Equal(entry.Hash, opened.GetProperty("Hash").GetString());
        Assert.Equal(entry.At, opened.GetProperty("@t").GetDateTimeOffset());
        Assert.Equal("Warning", events[1].GetProperty("@l").GetString());
    }

    [Fact]
    public async Task Append_TransactionRolledBack_EmitsNothing()
    {
        await using var harness = await ServiceHarness.StartAsync();
        var dana = await harness.StaffAsync("dana", Roles.Agent);
        await using (var db = await harness.DbAsync())
        {
            using var _ = await harness.Get<WriteGate>().EnterAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await harness.Get<IAuditLog>().AppendAsync(db, new AuditRecord(dana, "test.rolled-back", AuditRecord.Succeeded));
            await db.SaveChangesAsync();
            Assert.Empty(await EventsAsync(harness));
            await transaction.RollbackAsync();
        }

        await harness.Get<IAuditLog>().AppendAloneAsync(new AuditRecord(dana, "test.committed", AuditRecord.Succeeded));

        var committed = Assert.Single(await EventsAsync(harness));
        Assert.Equal("test.committed", committed.GetProperty("Action").GetString());
    }

    [Fact]
    public async Task Append_TransactionEndedWithoutCommit_IsNotEmittedWhenThePooledContextIsUsedAgain()
    {
        await using var harness = await ServiceHarness.StartAsync();
        var dana = await harness.StaffAsync("dana", Roles.Agent);
        AppDbContext abandoned;
        await using (var db = await harness.DbAsync())
        {
            abandoned = db;
            using var _ = await harness.Get<WriteGate>().EnterAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await harness.Get<IAuditLog>().AppendAsync(db, new AuditRecord(dana, "test.abandoned", AuditRecord.Succeeded));
            await db.SaveChangesAsync();
            // No commit and no rollback call: the transaction ends when it is disposed, as when a step after the save throws.
        }

        // Contexts are pooled: rent until the pool hands that same instance out again.
        var others = new List<AppDbContext>();
        AppDbContext? reused = null;
        while (reused is null && others.Count < 256)
        {
            var next = await harness.DbAsync();
            if (ReferenceEquals(next, abandoned))
            {
                reused = next;
            }
            else
            {
                others.Add(next);
            }
        }

        Assert.NotNull(reused);
        await using (var again = reused)
        {
            using var _ = await harness.Get<WriteGate>().EnterAsync();
            await using var transaction = await again.Database.BeginTransactionAsync();
            await harness.Get<IAuditLog>().AppendAsync(again, new AuditRecord(dana, "test.committed", AuditRecord.Succeeded));
            await again.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        foreach (var other in others)
        {
            await other.DisposeAsync();
        }

        var committed = Assert.Single(await EventsAsync(harness));
        Assert.Equal("test.committed", committed.GetProperty("Action").GetString());
    }

    [Fact]
    public async Task VerificationJourney_Events_CarryNoContactsOrCodes()
    {
        await using var harness = await ServiceHarness.StartAsync();
        var dana = await harness.StaffAsync("dana", Roles.Agent);
        var subject = await harness.Get<IDirectoryConnector>().FindByUsernameAsync(DemoAccounts.StandardEmployee) ?? throw new InvalidOperationException();
        var cases = harness.Get<CaseService>();
        var caseId = await cases.OpenAsync(dana, new OpenCaseRequest(subject.Id, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-7"));
        var step = (await cases.GetAsync(dana, caseId)).Case.Steps.Single(s => s.Allows(StepKind.OneTimeCode)).Id;
        var email = subject.Contacts.First(c => c.Kind == ContactKind.Email);
        await harness.Get<VerificationService>().SendCodeAsync(dana, caseId, step, email.Id);
        var code = await harness.LastCodeToAsync(subject.Id);
        await harness.Get<VerificationService>().CheckCodeAsync(dana, caseId, step, code);

        var text = await ReadSiemFileAsync(harness);

        Assert.Contains("step.code-sent", text);
        Assert.All(subject.Contacts, c => Assert.DoesNotContain(c.Value, text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain($"\"{code}\"", text);
        Assert.DoesNotContain(Convert.ToBase64String(File.ReadAllBytes(harness.Get<AuditFiles>().KeyPath)), text);
    }

    [Fact]
    public async Task Append_HttpSink_PostsClefJsonLines()
    {
        using var endpoint = new RecordingEndpoint();
        var harness = await ServiceHarness.StartAsync(configure: s => s.Configure<AuditOptions>(o =>
        {
            o.Siem.Sink = SiemSink.Http;
            o.Siem.Url = endpoint.Url;
        }));
        var dana = await harness.StaffAsync("dana", Roles.Agent);
        await AuditTrail.AppendAsync(harness, dana, 3);

        // Disposing the services flushes the batch.
        await harness.DisposeAsync();
        var events = new List<JsonElement>();
        while (events.Count < 3)
        {
            var (contentType, body) = await endpoint.NextAsync(TimeSpan.FromSeconds(15));
            Assert.StartsWith("application/x-ndjson", contentType);
            events.AddRange(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<JsonElement>(l)));
        }

        Assert.Equal([1L, 2L, 3L], events.Select(e => e.GetProperty("Sequence").GetInt64()));
        Assert.All(events, e => Assert.Equal("test.recorded", e.GetProperty("Action").GetString()));
    }

    [Fact]
    public async Task Append_SyslogSink_SendsAnRfc5424DatagramWithTheEvent()
    {
        using var collector = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)collector.Client.LocalEndPoint!).Port;
        await using var harness = await ServiceHarness.StartAsync(configure: s => s.Configure<AuditOptions>(o =>
        {
            o.Siem.Sink = SiemSink.Syslog;
            o.Siem.Host = "127.0.0.1";
            o.Siem.Port = port;
        }));
        var dana = await harness.StaffAsync("dana", Roles.Agent);

        await AuditTrail.AppendAsync(harness, dana, 1);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var datagram = Encoding.UTF8.GetString((await collector.ReceiveAsync(cts.Token)).Buffer);
        Assert.Matches(@"^<110>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z \S+ ResetConsole \d+ audit - \{", datagram);
        Assert.Equal(1, JsonSerializer.Deserialize<JsonElement>(datagram[datagram.IndexOf('{')..]).GetProperty("Sequence").GetInt64());
    }

    private static string SiemFile(ServiceHarness harness)
    {
        var pattern = harness.Get<AuditFiles>().SiemPath;
        var folder = Path.GetDirectoryName(pattern)!;
        return System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetFiles(folder, "security-events-*.clef").Single()
            : throw new InvalidOperationException($"No security events under {folder}.");
    }

    private static async Task<List<JsonElement>> EventsAsync(ServiceHarness harness)
    {
        var folder = Path.GetDirectoryName(harness.Get<AuditFiles>().SiemPath)!;
        if (!System.IO.Directory.Exists(folder) || System.IO.Directory.GetFiles(folder, "security-events-*.clef").Length == 0)
        {
            return [];
        }

        return (await ReadSiemFileAsync(harness)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<JsonElement>(l)).ToList();
    }

    private static async Task<string> ReadSiemFileAsync(ServiceHarness harness)
    {
        // The sink holds the file open; read it as a second reader would.
        await using var stream = new FileStream(SiemFile(harness), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
