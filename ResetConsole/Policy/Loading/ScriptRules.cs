namespace ResetConsole.Policy;

/// <summary>The non-negotiables a script must meet whatever its author wants (NIST SP 800-63B-4 §4.2).</summary>
internal static class ScriptRules
{
    public static void Check(YamlMap map, TierDefinition tier, List<RequestedAction> actions, IReadOnlyList<ScriptStep> steps, ParseContext context)
    {
        var where = $"script '{map.String("id")}'";
        if (tier.Rank > context.LowestHumanRank && steps.Count > 0 && KnowledgeAlone(steps))
        {
            context.Errors.Add(map.Get("steps")!, $"{where} for tier '{tier.Id}' can be passed with knowledge checks alone; above the lowest tier a recovery needs a code, a possession factor, a document, a badge or an attestation (NIST SP 800-63B-4 §4.2)");
        }

        foreach (var action in actions)
        {
            if ((action == RequestedAction.SecretRotation) != tier.IsNonHuman)
            {
                context.Errors.Add(map.Get("actions")!, tier.IsNonHuman
                    ? $"{where}: the non-human tier '{tier.Id}' only has 'secret-rotation'; found '{PolicyNames<RequestedAction>.Name(action)}'"
                    : $"{where}: 'secret-rotation' is for the non-human tier only, not '{tier.Id}'");
            }

            if (context.Scripts.Find(s => s.TierId == tier.Id && s.Actions.Contains(action)) is { } other)
            {
                context.Errors.Add(map.Get("actions")!, $"{where}: script '{other.Id}' already covers '{PolicyNames<RequestedAction>.Name(action)}' for tier '{tier.Id}'");
            }
        }

        foreach (var step in steps)
        {
            if (!tier.IsNonHuman && step.Allows(StepKind.OwnerAttestation))
            {
                context.Errors.Add(step.At, $"{where}: 'owner-attestation' is for non-human identities only");
            }
        }
    }

    /// <summary>True when every step can be met by a knowledge-check option alone.</summary>
    public static bool KnowledgeAlone(IReadOnlyList<ScriptStep> steps)
    {
        foreach (var step in steps)
        {
            var knowledge = step.Options.Count(o => o.Kind == StepKind.KnowledgeCheck);
            if (knowledge < step.MinCount)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every (tier, action) pair the evaluator can reach has exactly one script.</summary>
    public static void CheckCoverage(ParseContext context)
    {
        foreach (var tier in context.Tiers)
        {
            foreach (var action in Enum.GetValues<RequestedAction>())
            {
                var applies = (action == RequestedAction.SecretRotation) == tier.IsNonHuman;
                if (applies && !context.Scripts.Exists(s => s.TierId == tier.Id && s.Actions.Contains(action)))
                {
                    context.Errors.Add(tier.At, $"tier '{tier.Id}' has no script for action '{PolicyNames<RequestedAction>.Name(action)}'");
                }
            }
        }
    }
}
