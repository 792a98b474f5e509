namespace ResetConsole.Policy;

/// <summary>Answers "which rules implement this control?" for the Controls page. Pure; sorted by control id.</summary>
public static class ControlsIndex
{
    public static IReadOnlyList<ControlEntry> Build(CompiledPolicy policy)
    {
        var p = policy.Definition;
        var found = new List<(string Control, ControlImplementation Rule)>();
        foreach (var tier in p.Tiers)
        {
            Add(found, tier.Approval.Controls, "approval", tier.Id, $"{PolicyNames<ApprovalQueue>.Name(tier.Approval.Queue)} approval, {tier.Approval.Required} required");
            Add(found, tier.CoolDown?.Controls ?? [], "cool-down", tier.Id, $"cool-down of {PolicyDuration.Format(tier.CoolDown?.Duration ?? TimeSpan.Zero)}");
            Add(found, tier.PostReset.Controls, "post-reset", tier.Id, "post-reset actions");
        }

        foreach (var rule in p.TierRules)
        {
            Add(found, rule.Controls, "tier rule", rule.Id, $"{rule.Reason} -> {rule.TierId}");
        }

        foreach (var signal in p.Signals)
        {
            Add(found, signal.Controls, "step-up signal", signal.Id, signal.Description);
            AddSteps(found, signal.AddSteps);
        }

        foreach (var script in p.Scripts)
        {
            AddSteps(found, script.Steps);
        }

        foreach (var type in p.ExceptionTypes)
        {
            Add(found, type.Controls, "exception type", type.Id, type.Title);
        }

        Add(found, p.Vendors.Controls, "vendor rule", "vendors", $"vendor agents may handle: {string.Join(", ", p.Vendors.AllowedTierIds)}");
        Add(found, p.Freeze.Controls, "freeze", "freeze", $"protection for {PolicyDuration.Format(p.Freeze.ProtectionPeriod)}");
        return [.. found
            .GroupBy(f => f.Control, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ControlEntry(g.Key, [.. g.Select(f => f.Rule).Distinct()]))];
    }

    private static void AddSteps(List<(string, ControlImplementation)> found, IReadOnlyList<ScriptStep> steps)
    {
        foreach (var step in steps)
        {
            Add(found, step.Controls, "step", $"{step.SourceRuleId}/{step.Id}", step.Describe());
        }
    }

    private static void Add(List<(string, ControlImplementation)> found, IReadOnlyList<string> controls, string kind, string id, string description)
    {
        foreach (var control in controls)
        {
            found.Add((control, new ControlImplementation(kind, id, description)));
        }
    }
}
