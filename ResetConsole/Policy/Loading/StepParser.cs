using ResetConsole.Domain.Subjects;
using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

/// <summary>
/// Reads a list of steps. A step is either one kind (its limits beside it) or <c>one-of:</c> several, of which
/// <c>min</c> (default 1) must pass.
/// </summary>
internal static class StepParser
{
    public static IReadOnlyList<ScriptStep> ParseSteps(IReadOnlyList<YamlNode> items, string sourceId, ErrorSink errors)
    {
        var steps = new List<ScriptStep>();
        foreach (var item in items)
        {
            if (YamlMap.From(item, $"a step of '{sourceId}'", errors) is { } map && Parse(map, sourceId) is { } step)
            {
                if (steps.Exists(s => s.Id == step.Id))
                {
                    errors.Add(item, $"step '{step.Id}' appears twice in '{sourceId}'; give one an 'id'");
                }

                steps.Add(step);
            }
        }

        return steps.AsReadOnly();
    }

    private static ScriptStep? Parse(YamlMap map, string sourceId)
    {
        var options = new List<StepOption>();
        var alternatives = map.Items("one-of");
        if (alternatives.Count > 0)
        {
            foreach (var item in alternatives)
            {
                if (YamlMap.From(item, $"an option of a step of '{sourceId}'", map.Errors) is { } optionMap
                    && ParseOption(optionMap, sourceId, required: true) is { } option)
                {
                    optionMap.RejectUnknownKeys();
                    options.Add(option);
                }
            }
        }
        else if (ParseOption(map, sourceId, required: map.Get("one-of") is null) is { } single)
        {
            options.Add(single);
        }

        var min = map.Int("min", 1, Math.Max(1, alternatives.Count));
        if (min is not null && alternatives.Count == 0)
        {
            map.Errors.Add(map.Get("min")!, $"'min' applies only to a 'one-of' step in '{sourceId}'");
        }

        var id = map.String("id") ?? string.Join("-or-", options.Select(o => o.KindName));
        var controls = map.Controls();
        map.RejectUnknownKeys();
        return options.Count == 0 ? null : new ScriptStep(id, options, min ?? 1, sourceId, controls, map.At);
    }

    private static StepOption? ParseOption(YamlMap map, string sourceId, bool required)
    {
        var kind = map.Enum<StepKind>("kind", "step kind", required);
        var where = kind is null ? $"a step of '{sourceId}'" : $"step '{PolicyNames<StepKind>.Name(kind.Value)}' of '{sourceId}'";
        var contacts = map.Enums<ContactKind>("contact", "contact kind");
        var codeLength = map.Int("code-length", PolicyLimits.MinCodeLength, PolicyLimits.MaxCodeLength);
        var expiryMax = kind == StepKind.OneTimeCode ? PolicyLimits.CodeExpiry : PolicyLimits.StepExpiry;
        var expiry = map.Duration("expiry", expiryMax);
        var attempts = map.Int("attempts", 1, PolicyLimits.MaxAttempts);
        if (kind is null)
        {
            return null;
        }

        RejectIrrelevant(map, kind.Value, where);
        if (kind == StepKind.OneTimeCode)
        {
            RequireCodeLimits(map, where, contacts.Count, codeLength, expiry, attempts);
        }

        return new StepOption(kind.Value, new StepLimits(contacts, codeLength, expiry, attempts));
    }

    private static void RequireCodeLimits(YamlMap map, string where, int contacts, int? codeLength, TimeSpan? expiry, int? attempts)
    {
        // A code without limits would be guessable or replayable; NIST SP 800-63B-4 caps its life at 10 minutes.
        if (contacts == 0 && map.Get("contact") is null)
        {
            map.Errors.Add(map.Node, $"{where} must say which contact of record receives the code ('contact: [email, phone]')");
        }

        if (codeLength is null && map.Get("code-length") is null)
        {
            map.Errors.Add(map.Node, $"{where} must set 'code-length'");
        }

        if (expiry is null && map.Get("expiry") is null)
        {
            map.Errors.Add(map.Node, $"{where} must set 'expiry' (at most {PolicyDuration.Format(PolicyLimits.CodeExpiry)})");
        }

        if (attempts is null && map.Get("attempts") is null)
        {
            map.Errors.Add(map.Node, $"{where} must set 'attempts'");
        }
    }

    private static void RejectIrrelevant(YamlMap map, StepKind kind, string where)
    {
        var allowed = kind switch
        {
            StepKind.OneTimeCode => new[] { "contact", "code-length", "expiry", "attempts" },
            StepKind.Push => ["expiry", "attempts"],
            StepKind.Callback or StepKind.KnowledgeCheck => ["attempts"],
            _ => [],
        };
        foreach (var key in (string[])["contact", "code-length", "expiry", "attempts"])
        {
            if (!allowed.Contains(key) && map.Get(key) is { } node)
            {
                map.Errors.Add(node, $"'{key}' does not apply to {where}");
            }
        }
    }
}
