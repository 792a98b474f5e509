namespace ResetConsole.Tests.Support;

/// <summary>Edits of the shipped policy text that the incident journey and its tests propose.</summary>
public static class PolicyEdits
{
    /// <summary>The line a proposal replaces to put every account in the Contractors group in the elevated tier.</summary>
    public const string TierRulesLine = "tier-rules:";

    public const string ContractorsRule = """
        tier-rules:
          - id: contractors
            tier: elevated
            when:
              groups: [Contractors]
            reason: member of {match}
            controls: [NIST-CSF-2.0 PR.AA-02]

        """;

    /// <summary>Contractors (the demo directory puts each in the Contractors group) step up to elevated: a possession or manager step and supervisor approval.</summary>
    public static string ContractorsElevated(string yaml) => ReplaceLine(yaml, TierRulesLine, ContractorsRule.TrimEnd('\n'));

    /// <summary>A step kind the policy language does not know, and the 1-based line it lands on.</summary>
    public static (string Yaml, int Line) UnknownStepKind(string yaml)
    {
        const string known = "        kind: one-time-code";
        var lines = yaml.Split('\n');
        var index = Array.IndexOf(lines, known);
        lines[index] = "        kind: sms-code";
        return (string.Join('\n', lines), index + 1);
    }

    public static string ReplaceLine(string yaml, string line, string replacement)
    {
        var lines = yaml.Split('\n').ToList();
        var index = lines.IndexOf(line);
        if (index < 0 || lines.LastIndexOf(line) != index)
        {
            throw new InvalidOperationException($"The policy text has no single line '{line}'.");
        }

        lines[index] = replacement;
        return string.Join('\n', lines);
    }
}
