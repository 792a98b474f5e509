namespace ResetConsole.Policy;

internal static class ApprovalParser
{
    private static readonly ApprovalExclusion[] _mandatory =
        [ApprovalExclusion.VendorAgents, ApprovalExclusion.Requester, ApprovalExclusion.Verifier, ApprovalExclusion.Subject];

    private static readonly ApprovalRequirement _none =
        new(ApprovalQueue.None, 0, TimeSpan.Zero, TimeSpan.Zero, null, [], _mandatory, []);

    public static ApprovalRequirement Parse(YamlMap? map, string where, bool mustApprove)
    {
        if (map is null)
        {
            return _none;
        }

        var queue = map.Enum<ApprovalQueue>("queue", "approval queue", required: true);
        var required = map.Int("required", 0, 5);
        var controls = map.Controls();
        if (queue is null or ApprovalQueue.None)
        {
            RejectNone(map, where, queue, required, mustApprove);
            map.RejectUnknownKeys();
            return _none with { Controls = controls };
        }

        if (required is 0)
        {
            map.Errors.Add(map.Get("required")!, mustApprove
                ? $"{where} needs at least one approver (NIST 800-53 AC-3(2)); 'required' is 0"
                : $"{where} has an approval queue but 'required' is 0; use 'queue: none' for no approval");
        }

        var approval = new ApprovalRequirement(
            queue.Value,
            required ?? 1,
            map.Duration("validity", PolicyLimits.ApprovalValidity, required: true) ?? TimeSpan.Zero,
            map.Duration("sla", PolicyLimits.ApprovalSla, required: true) ?? TimeSpan.Zero,
            map.String("escalate-to", required: true),
            Roles(map, "eligible-roles"),
            Exclusions(map, where),
            controls);
        map.RejectUnknownKeys();
        return approval;
    }

    private static void RejectNone(YamlMap map, string where, ApprovalQueue? queue, int? required, bool mustApprove)
    {
        if (queue is null)
        {
            return;
        }

        if (mustApprove)
        {
            map.Errors.Add(map.Get("queue")!, $"{where} is the highest human tier or the non-human tier and must have an approval (NIST 800-53 AC-3(2)); 'queue: none' is not allowed");
        }
        else if (required is > 0)
        {
            map.Errors.Add(map.Get("required")!, $"{where} has 'queue: none' but requires {required} approvals; choose supervisor or security");
        }

        // Read so they count as known keys; a 'none' approval ignores them.
        _ = map.Get("validity");
        _ = map.Get("sla");
        _ = map.Get("escalate-to");
        _ = map.Get("eligible-roles");
        _ = map.Get("exclude");
    }

    public static IReadOnlyList<string> Roles(YamlMap map, string key)
    {
        var roles = new List<string>();
        foreach (var (text, node) in map.Strings(key, required: true))
        {
            if (PolicyRoles.Deciders.Contains(text))
            {
                roles.Add(text);
            }
            else
            {
                map.Errors.Add(node, $"role '{text}' in '{key}' of {map.Where} cannot decide; expected one of: {string.Join(", ", PolicyRoles.Deciders)}");
            }
        }

        return roles;
    }

    private static IReadOnlyList<ApprovalExclusion> Exclusions(YamlMap map, string where)
    {
        if (map.Get("exclude") is null)
        {
            return _mandatory;
        }

        var listed = map.Enums<ApprovalExclusion>("exclude", "approval exclusion");
        foreach (var mandatory in _mandatory)
        {
            if (!listed.Contains(mandatory))
            {
                map.Errors.Add(map.Get("exclude")!, $"{where}: '{PolicyNames<ApprovalExclusion>.Name(mandatory)}' must always be excluded from approving (NIST 800-53 AC-5)");
            }
        }

        return listed;
    }
}
