using ResetConsole.Directory;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>Answers "what would happen for this account, and why" under the active policy. Changes nothing.</summary>
public sealed class PolicySimulator(IPolicyCatalog catalog, IDirectoryConnector directory, TimeProvider time)
{
    public async Task<SimulationResult> SimulateAsync(SimulationRequest request, CancellationToken ct = default)
    {
        var at = request.At ?? time.GetUtcNow();
        var found = request.SubjectId is { } id ? await directory.FindAsync(id, ct) : null;
        var subject = Apply(request, found ?? Blank(), at);
        var history = new RecentHistory(
            LastResetAt: request.LastResetHoursAgo is { } hours ? at.AddHours(-hours) : null,
            FailedVerifications: request.FailedVerifications,
            AgentCasesLastHour: request.AgentCasesLastHour,
            LastFrozenAt: request.FrozenInLastDay ? at.AddHours(-1) : null);
        var context = new RequestContext(request.Channel, "simulator", request.AgentIsVendor, at, history);
        var active = await catalog.GetActiveAsync(ct);
        return new SimulationResult(subject.DisplayName, subject.Kind, active.Policy.Evaluate(subject, request.Action, context), active.Version, at);
    }

    private static Subject Apply(SimulationRequest request, Subject subject, DateTimeOffset at)
    {
        var contacts = request.ContactChangedDaysAgo is { } days
            ? subject.Contacts.Select((c, i) => i == 0 ? c with { ChangedAt = at.AddDays(-days) } : c).ToList()
            : subject.Contacts;
        return subject with
        {
            Kind = request.Kind ?? subject.Kind,
            Groups = [.. subject.Groups.Concat(request.ExtraGroups).Distinct(StringComparer.OrdinalIgnoreCase)],
            AdminRoles = [.. subject.AdminRoles.Concat(request.ExtraAdminRoles).Distinct(StringComparer.OrdinalIgnoreCase)],
            Contacts = contacts,
        };
    }

    private static Subject Blank() => new()
    {
        Id = "typed",
        Username = "typed.attributes",
        DisplayName = "Typed attributes",
        Kind = SubjectKind.Employee,
        Contacts = [new ContactOfRecord(Guid.Empty, ContactKind.Email, "typed@example.invalid", DateTimeOffset.UnixEpoch)],
    };
}
