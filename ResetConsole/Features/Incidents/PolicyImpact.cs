using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Features.Incidents;

/// <summary>
/// The simulator's before/after for a proposed policy: the demo accounts of record and the incident's accounts,
/// each evaluated under both policies the way the simulator does (a password reset by phone, now, no history beyond
/// the directory's own). Changes nothing.
/// </summary>
public sealed class PolicyImpact(IDirectoryConnector directory, TimeProvider time)
{
    public async Task<IReadOnlyList<ImpactRow>> CompareAsync(CompiledPolicy before, CompiledPolicy after, IReadOnlyCollection<string> incidentSubjectIds,
        CancellationToken ct = default)
    {
        var subjects = new List<(Subject Subject, bool InIncident)>();
        foreach (var id in incidentSubjectIds)
        {
            if (await directory.FindAsync(id, ct) is { } subject)
            {
                subjects.Add((subject, true));
            }
        }

        foreach (var username in DemoAccounts.All)
        {
            if (await directory.FindByUsernameAsync(username, ct) is { } subject && subjects.TrueForAll(s => s.Subject.Id != subject.Id))
            {
                subjects.Add((subject, false));
            }
        }

        var context = new RequestContext(RequestChannel.Phone, "simulator", false, time.GetUtcNow(), RecentHistory.None);
        return [.. subjects.Select(s => new ImpactRow(s.Subject.Id, s.Subject.Username, s.Subject.DisplayName, s.Subject.Kind, s.InIncident,
            ImpactOutcome.From(before.Evaluate(s.Subject, RequestedAction.PasswordReset, context)),
            ImpactOutcome.From(after.Evaluate(s.Subject, RequestedAction.PasswordReset, context))))];
    }
}
