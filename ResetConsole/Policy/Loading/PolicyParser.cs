using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

/// <summary>Turns the YAML tree into a <see cref="PolicyDefinition"/>, reporting every problem it meets.</summary>
internal static class PolicyParser
{
    public static PolicyDefinition? Parse(YamlMap root, ErrorSink errors)
    {
        var context = new ParseContext(errors);

        // Tiers first, whatever the file's order: everything else refers to them.
        TierParser.Parse(root.Items("tiers", required: true), context);
        var defaultTier = DefaultTier(root, context);
        var rules = TierRuleParser.Parse(root.Items("tier-rules"), context);
        var signals = SignalParser.Parse(root.Items("step-up"), context);
        ScriptParser.Parse(root.Items("scripts", required: true), context);
        ScriptRules.CheckCoverage(context);
        var exceptions = ExceptionTypeParser.Parse(root.Items("exception-types"), context);
        var definition = new PolicyDefinition(
            root.String("name", required: true) ?? string.Empty,
            root.String("description") ?? string.Empty,
            defaultTier ?? string.Empty,
            context.Tiers,
            rules,
            signals,
            context.Scripts,
            exceptions,
            root.Int("max-overdue-reviews-per-granter", 0, 100, required: true) ?? 0,
            root.Duration("verification-validity", PolicyLimits.VerificationValidity, required: true) ?? TimeSpan.Zero,
            Vendors(root.Map("vendors", "vendors", required: true), context),
            Freeze(root.Map("freeze", "freeze", required: true)));
        root.RejectUnknownKeys();
        return errors.Count == 0 ? definition : null;
    }

    private static string? DefaultTier(YamlMap root, ParseContext context)
    {
        if (root.String("default-tier", required: true) is not { } id
            || context.ResolveTier(id, root.Get("default-tier")!, "'default-tier'") is not { } tier)
        {
            return null;
        }

        if (tier.Rank != context.LowestHumanRank)
        {
            context.Errors.Add(root.Get("default-tier")!, $"'default-tier' must be the lowest human tier; '{id}' is not");
        }

        return id;
    }

    private static VendorRules Vendors(YamlMap? map, ParseContext context)
    {
        if (map is null)
        {
            return new VendorRules([], []);
        }

        var allowed = new List<string>();
        foreach (var (text, node) in map.Strings("allowed-tiers", required: true))
        {
            if (context.ResolveTier(text, node, "'vendors'") is not null)
            {
                allowed.Add(text);
            }
        }

        var controls = map.Controls();
        map.RejectUnknownKeys();
        return new VendorRules(allowed, controls);
    }

    private static FreezeRules Freeze(YamlMap? map)
    {
        if (map is null)
        {
            return new FreezeRules(TimeSpan.Zero, []);
        }

        var rules = new FreezeRules(map.Duration("protection-period", PolicyLimits.FreezeProtection, required: true) ?? TimeSpan.Zero, map.Controls());
        map.RejectUnknownKeys();
        return rules;
    }
}
