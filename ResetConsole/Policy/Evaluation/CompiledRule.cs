using System.Collections.Frozen;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Policy;

/// <summary>
/// A tier rule turned into lookups. Each condition maps an accepted value to the reason it produces, with
/// "{match}" already filled in, so a match costs a hash lookup and no string building.
/// </summary>
internal sealed class CompiledRule
{
    private readonly TierReason?[]? _kinds;
    private readonly FrozenDictionary<string, TierReason>? _groups;
    private readonly FrozenDictionary<string, TierReason>? _roles;
    private readonly FrozenDictionary<string, TierReason>? _departments;
    private readonly (string Key, FrozenDictionary<string, TierReason> Values)[] _attributes;

    public CompiledRule(TierRule rule, int rank)
    {
        Rank = rank;
        var when = rule.When;
        if (when.Kinds.Count > 0)
        {
            _kinds = new TierReason?[Enum.GetValues<SubjectKind>().Length];
            foreach (var kind in when.Kinds)
            {
                _kinds[(int)kind] = Reason(rule, PolicyNames<SubjectKind>.Name(kind));
            }
        }

        _groups = Lookup(rule, when.Groups);
        _roles = Lookup(rule, when.AdminRoles);
        _departments = Lookup(rule, when.Departments);
        _attributes = [.. when.Attributes.Select(a => (a.Key, Lookup(rule, a.Value)!))];
    }

    public int Rank { get; }

    public TierReason? Match(Subject subject)
    {
        TierReason? reason = null;
        if (_kinds is not null && (reason = _kinds[(int)subject.Kind]) is null)
        {
            return null;
        }

        if (_groups is not null && (reason = Any(_groups, subject.Groups)) is null)
        {
            return null;
        }

        if (_roles is not null && (reason = Any(_roles, subject.AdminRoles)) is null)
        {
            return null;
        }

        if (_departments is not null && !_departments.TryGetValue(subject.Department, out reason))
        {
            return null;
        }

        foreach (var (key, values) in _attributes)
        {
            if (!subject.Attributes.TryGetValue(key, out var value) || !values.TryGetValue(value, out reason))
            {
                return null;
            }
        }

        return reason;
    }

    private static TierReason? Any(FrozenDictionary<string, TierReason> accepted, IReadOnlyList<string> held)
    {
        for (var i = 0; i < held.Count; i++)
        {
            if (accepted.TryGetValue(held[i], out var reason))
            {
                return reason;
            }
        }

        return null;
    }

    private static FrozenDictionary<string, TierReason>? Lookup(TierRule rule, IReadOnlyList<string> values) =>
        values.Count == 0
            ? null
            : values.Distinct(StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(v => v, v => Reason(rule, v), StringComparer.OrdinalIgnoreCase);

    private static TierReason Reason(TierRule rule, string match) =>
        new(rule.Reason.Replace("{match}", match, StringComparison.Ordinal), rule.Id, rule.Controls);
}
