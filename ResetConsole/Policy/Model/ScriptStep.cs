namespace ResetConsole.Policy;

/// <summary>
/// One verification step: satisfied when <see cref="MinCount"/> of its <see cref="Options"/> pass ("one of" is a
/// minimum of one). <see cref="SourceRuleId"/> is the script or step-up signal that put it there.
/// </summary>
public sealed record ScriptStep(
    string Id,
    IReadOnlyList<StepOption> Options,
    int MinCount,
    string SourceRuleId,
    IReadOnlyList<string> Controls,
    SourcePosition At)
{
    /// <summary>"identity-document | in-person-badge": the options in order, as policy tests write them.</summary>
    public string Describe() => string.Join(" | ", Options.Select(o => o.KindName));

    public bool Allows(StepKind kind)
    {
        foreach (var option in Options)
        {
            if (option.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }
}
