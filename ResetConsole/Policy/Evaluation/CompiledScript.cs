namespace ResetConsole.Policy;

/// <summary>A script with the exception types that could apply to it worked out in advance.</summary>
internal sealed class CompiledScript(RecoveryScript script, TierDefinition tier, IReadOnlyList<ExceptionType> allTypes)
{
    public static Verdict Allowed { get; } = new(true, "allowed");

    private readonly ExceptionType[] _candidates =
        [.. allTypes.Where(t => t.TierIds.Count == 0 || t.TierIds.Contains(tier.Id))];

    public RecoveryScript Script => script;

    public IReadOnlyList<ExceptionType> Exceptions => field ??= Applicable(_candidates, script.Steps).AsReadOnly();

    public IReadOnlyList<ExceptionType> ExceptionsFor(IReadOnlyList<ScriptStep> steps) => Applicable(_candidates, steps);

    /// <summary>The script's steps, then each added step unless one of the same kinds is already there.</summary>
    public IReadOnlyList<ScriptStep> WithAddedSteps(List<ScriptStep> added)
    {
        var steps = new List<ScriptStep>(script.Steps.Count + added.Count);
        steps.AddRange(script.Steps);
        foreach (var step in added)
        {
            if (!steps.Exists(s => SameKinds(s, step)))
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static bool SameKinds(ScriptStep a, ScriptStep b)
    {
        if (a.Options.Count != b.Options.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Options.Count; i++)
        {
            if (a.Options[i].Kind != b.Options[i].Kind)
            {
                return false;
            }
        }

        return true;
    }

    private static ExceptionType[] Applicable(ExceptionType[] candidates, IReadOnlyList<ScriptStep> steps) =>
        [.. candidates.Where(t => steps.Any(s => t.MayWaive.Any(s.Allows)))];
}
