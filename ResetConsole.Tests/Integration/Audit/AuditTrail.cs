using System.Globalization;
using ResetConsole.Auth;
using ResetConsole.Features.Audit;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

internal static class AuditTrail
{
    /// <summary>Appends entries the way services do, a few seconds apart on the harness clock.</summary>
    public static async Task AppendAsync(ServiceHarness harness, StaffActor actor, int count, string action = "test.recorded")
    {
        var audit = harness.Get<IAuditLog>();
        for (var i = 0; i < count; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(7.25));
            await audit.AppendAloneAsync(new AuditRecord(actor, action, i % 4 == 3 ? AuditRecord.Refused : AuditRecord.Succeeded,
                Guid.CreateVersion7(harness.Time.GetUtcNow()), $"u-{i:0000}",
                new Dictionary<string, string?> { ["n"] = i.ToString(CultureInfo.InvariantCulture), ["method"] = "one-time-code" }));
        }
    }
}
