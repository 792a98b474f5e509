using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

internal static class ExceptionTypeParser
{
    public static IReadOnlyList<ExceptionType> Parse(IReadOnlyList<YamlNode> items, ParseContext context)
    {
        var types = new List<ExceptionType>();
        foreach (var item in items)
        {
            if (YamlMap.From(item, "an exception type", context.Errors) is not { } map)
            {
                continue;
            }

            var id = map.String("id", required: true) ?? "?";
            var where = $"exception type '{id}'";
            var tierIds = new List<string>();
            foreach (var (text, node) in map.Strings("tiers"))
            {
                if (context.ResolveTier(text, node, where) is not null)
                {
                    tierIds.Add(text);
                }
            }

            var type = new ExceptionType(
                id,
                map.String("title", required: true) ?? id,
                map.String("description") ?? string.Empty,
                map.Enums<StepKind>("may-waive", "step kind", required: true),
                map.Duration("max-duration", PolicyLimits.ExceptionDuration, required: true) ?? TimeSpan.Zero,
                ApprovalParser.Roles(map, "granted-by"),
                map.Duration("review-within", PolicyLimits.ExceptionReview, required: true) ?? TimeSpan.Zero,
                map.Bool("counts-against-review-limit", required: true) ?? true,
                tierIds,
                map.Controls(),
                map.At);
            map.RejectUnknownKeys();
            if (types.Exists(t => t.Id == id))
            {
                context.Errors.Add(map.Get("id")!, $"{where} is defined twice");
            }

            CheckWaivers(map, type, context);
            types.Add(type);
        }

        return types;
    }

    // An exception that can waive a whole script turns "documented exception" into "no verification" (800-63A-4).
    private static void CheckWaivers(YamlMap map, ExceptionType type, ParseContext context)
    {
        if (map.Get("may-waive") is not { } at || type.MayWaive.Count == 0)
        {
            return;
        }

        if (type.MayWaive.Count == Enum.GetValues<StepKind>().Length)
        {
            context.Errors.Add(at, $"exception type '{type.Id}' may waive every step kind; an exception may waive part of a script, never all of it");
            return;
        }

        foreach (var script in context.Scripts)
        {
            var applies = type.TierIds.Count == 0 || type.TierIds.Contains(script.TierId);
            if (applies && script.Steps.Count > 0 && script.Steps.All(s => type.MayWaive.Any(s.Allows)))
            {
                context.Errors.Add(at, $"exception type '{type.Id}' may waive every step of script '{script.Id}' ({string.Join(", ", script.Steps.Select(s => s.Describe()))}); an exception may waive part of a script, never all of it");
            }
        }
    }
}
