using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

/// <summary>Reads <c>tiers:</c> in two passes: ids and ranks first, because a tier's rules depend on its rank.</summary>
internal static class TierParser
{
    public static void Parse(IReadOnlyList<YamlNode> items, ParseContext context)
    {
        var declared = new List<(YamlMap Map, string Id, string Name, bool NonHuman)>();
        foreach (var item in items)
        {
            if (YamlMap.From(item, "a tier", context.Errors) is not { } map || map.String("id", required: true) is not { } id)
            {
                continue;
            }

            if (declared.Exists(d => d.Id == id))
            {
                context.Errors.Add(map.Get("id")!, $"tier '{id}' is defined twice");
                continue;
            }

            declared.Add((map, id, map.String("name") ?? id, map.Bool("non-human") ?? false));
        }

        ReportNonHumanCount(items, declared.Count(d => d.NonHuman), context);
        var highestHuman = declared.FindLastIndex(d => !d.NonHuman);
        for (var rank = 0; rank < declared.Count; rank++)
        {
            var (map, id, name, nonHuman) = declared[rank];
            var where = $"tier '{id}'";
            var isLowestHuman = !nonHuman && declared.FindIndex(d => !d.NonHuman) == rank;
            var mustApprove = nonHuman || rank == highestHuman;
            var approval = ApprovalParser.Parse(map.Map("approval", $"the approval of {where}", required: true), where, mustApprove);
            var coolDown = ParseCoolDown(map.Map("cool-down", $"the cool-down of {where}"));
            var postReset = ParsePostReset(map.Map("post-reset", $"the post-reset actions of {where}", required: true), where, isLowestHuman);
            var description = map.String("description") ?? string.Empty;
            map.RejectUnknownKeys();
            context.Tiers.Add(new TierDefinition(id, name, description, rank, nonHuman, approval, coolDown, postReset, map.At));
        }
    }

    private static void ReportNonHumanCount(IReadOnlyList<YamlNode> items, int count, ParseContext context)
    {
        if (count != 1 && items.Count > 0)
        {
            context.Errors.Add(items[0], $"exactly one tier must say 'non-human: true' (service identities map to it); found {count}");
        }
    }

    private static CoolDown? ParseCoolDown(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var duration = map.Duration("duration", PolicyLimits.CoolDown, required: true);
        var cancelBy = map.Enums<CancelParty>("cancel-by", "cancelling party");
        var controls = map.Controls();
        map.RejectUnknownKeys();
        return new CoolDown(duration ?? TimeSpan.Zero, cancelBy, controls);
    }

    private static PostResetActions ParsePostReset(YamlMap? map, string where, bool isLowestHuman)
    {
        if (map is null)
        {
            return new PostResetActions(true, true, false, true, TimeSpan.Zero, []);
        }

        var revoke = map.Bool("revoke-sessions", required: true) ?? true;
        var notify = map.Bool("notify-subject-at-all-contacts", required: true) ?? true;
        var actions = new PostResetActions(
            revoke,
            notify,
            map.Bool("notify-manager") ?? false,
            map.Bool("require-change-at-next-sign-in") ?? true,
            map.Duration("temporary-access-pass-lifetime", PolicyLimits.TemporaryAccessPass) ?? TimeSpan.FromHours(1),
            map.Controls());
        if (!revoke && !isLowestHuman)
        {
            map.Errors.Add(map.Get("revoke-sessions")!, $"{where} must revoke sessions after a reset: only the lowest tier may turn 'revoke-sessions' off (NIST SP 800-63B-4 §4.2)");
        }

        if (!notify)
        {
            map.Errors.Add(map.Get("notify-subject-at-all-contacts")!, $"{where} must notify the subject at every contact of record after a recovery (NIST SP 800-63B-4 §4.2)");
        }

        map.RejectUnknownKeys();
        return actions;
    }
}
