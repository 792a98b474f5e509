using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

internal static class ScriptParser
{
    public static void Parse(IReadOnlyList<YamlNode> items, ParseContext context)
    {
        foreach (var item in items)
        {
            if (YamlMap.From(item, "a script", context.Errors) is not { } map)
            {
                continue;
            }

            var id = map.String("id", required: true) ?? "?";
            var where = $"script '{id}'";
            var tierId = map.String("tier", required: true);
            var tier = tierId is null ? null : context.ResolveTier(tierId, map.Get("tier")!, where);
            var actions = map.Enums<RequestedAction>("actions", "requested action", required: true);
            var steps = StepParser.ParseSteps(map.Items("steps", required: true), id, context.Errors);
            map.RejectUnknownKeys();
            if (context.Scripts.Exists(s => s.Id == id))
            {
                context.Errors.Add(map.Get("id")!, $"{where} is defined twice");
            }

            if (tier is null)
            {
                continue;
            }

            ScriptRules.Check(map, tier, actions, steps, context);
            context.Scripts.Add(new RecoveryScript(id, tier.Id, actions, steps, map.At));
        }
    }
}
