using ResetConsole.Domain.Subjects;
using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

internal static class TierRuleParser
{
    public static IReadOnlyList<TierRule> Parse(IReadOnlyList<YamlNode> items, ParseContext context)
    {
        var rules = new List<TierRule>();
        foreach (var item in items)
        {
            if (YamlMap.From(item, "a tier rule", context.Errors) is not { } map)
            {
                continue;
            }

            var id = map.String("id", required: true) ?? "?";
            var where = $"tier rule '{id}'";
            var tierId = map.String("tier", required: true);
            var tier = tierId is null ? null : context.ResolveTier(tierId, map.Get("tier")!, where);
            var condition = ParseCondition(map.Map("when", $"the 'when' of {where}", required: true), where);
            var reason = map.String("reason", required: true) ?? string.Empty;
            var controls = map.Controls();
            map.RejectUnknownKeys();
            if (rules.Exists(r => r.Id == id))
            {
                context.Errors.Add(map.Get("id")!, $"{where} is defined twice");
            }

            if (condition is not null && reason.Contains("{match}", StringComparison.Ordinal) && ConditionCount(condition) > 1)
            {
                context.Errors.Add(map.Get("reason")!, $"{where} has several conditions, so '{{match}}' in its reason is ambiguous; write the reason out");
            }

            if (tier is not null && condition is not null)
            {
                rules.Add(new TierRule(id, tier.Id, condition, reason, controls, map.At));
            }
        }

        return rules;
    }

    internal static int ConditionCount(SubjectCondition c) =>
        (c.Kinds.Count > 0 ? 1 : 0) + (c.Groups.Count > 0 ? 1 : 0) + (c.AdminRoles.Count > 0 ? 1 : 0)
        + (c.Departments.Count > 0 ? 1 : 0) + c.Attributes.Count;

    private static SubjectCondition? ParseCondition(YamlMap? map, string where)
    {
        if (map is null)
        {
            return null;
        }

        var condition = new SubjectCondition(
            map.Enums<SubjectKind>("kind", "subject kind"),
            Names(map, "groups"),
            Names(map, "admin-roles"),
            Names(map, "department"),
            ParseAttributes(map.Map("attributes", $"the attributes of {where}")));
        map.RejectUnknownKeys();
        if (ConditionCount(condition) == 0)
        {
            map.Errors.Add(map.Node, $"{where} has no condition; give kind, groups, admin-roles, department or attributes");
            return null;
        }

        return condition;
    }

    private static IReadOnlyList<string> Names(YamlMap map, string key) => [.. map.Strings(key).Select(s => s.Text)];

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ParseAttributes(YamlMap? map)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (map is null)
        {
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Node.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            _ = map.Get(key);
            result[key] = valueNode switch
            {
                YamlSequenceNode list => [.. list.Children.Select(c => map.Scalar(c, $"a value of attribute '{key}'") ?? string.Empty)],
                _ => [map.Scalar(valueNode, $"attribute '{key}'") ?? string.Empty],
            };
        }

        return result;
    }
}
